"""count indexes: the rounds overview's counts read from small covering indexes

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

The overview counts complete reviews and active sample entries per round. Without these
indexes each count read every review and every sample entry row (and SQLCipher decrypted
each page of them); with them only index pages are read: 25 ms became 9 ms for the three
counts on the benchmark's department year (docs/performance.md, issue 19).
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_review_round_status", "review", ["round_id", "status"])
    # A partial index of the entries not excluded; excluded_reason, NULL in every one of
    # them, makes it covering for the count's condition (and no long reason is indexed).
    active = sa.text("excluded_reason IS NULL")
    op.create_index("ix_sample_entry_active", "sample_entry",
                    ["sample_id", "role", "replaces_id", "excluded_reason"],
                    sqlite_where=active, postgresql_where=active)


def downgrade() -> None:
    op.drop_index("ix_sample_entry_active", table_name="sample_entry")
    op.drop_index("ix_review_round_status", table_name="review")
