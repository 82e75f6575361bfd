"""theme quotes: a tagged text the user chose as one of its theme's quotes

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("answer_theme") as batch:
        batch.add_column(sa.Column("quote_by", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("quote_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("answer_theme") as batch:
        batch.drop_column("quote_at")
        batch.drop_column("quote_by")
