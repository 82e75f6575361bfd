"""themes: the themes a written answer or comment is tagged with

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"  # re-chained onto the other branches' revisions at merge
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_theme",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("tagged_by", sa.String(length=200), nullable=False),
        sa.Column("tagged_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["answer_id"], ["answer.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("answer_id", "theme_id"),
    )
    op.create_index("ix_answer_theme_theme", "answer_theme", ["theme_id"])


def downgrade() -> None:
    op.drop_index("ix_answer_theme_theme", table_name="answer_theme")
    op.drop_table("answer_theme")
