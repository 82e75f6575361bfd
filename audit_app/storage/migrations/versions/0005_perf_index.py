"""perf index: the answers the figures count, and the answers with a comment

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-01

The figures count answers per review through a covering index, so SQLite reads (and
SQLCipher decrypts) index pages only, not the answer rows with their comments. The comments
in a report are found through a partial index of the few answers that have one, instead of
reading every answer.
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_answer_figures", "answer",
                    ["review_id", "item_id", "value", "applicable", "compliant"])
    op.execute("CREATE INDEX ix_answer_commented ON answer (review_id) WHERE comment != ''")


def downgrade() -> None:
    op.drop_index("ix_answer_commented", table_name="answer")
    op.drop_index("ix_answer_figures", table_name="answer")
