"""The network talks: notice board items and replies, proposal comments, learning wishes

Revision ID: 3b7e19c4d2a8
Revises: 5e1c0a7d2b94
Create Date: 2026-12-07 01:00:00

"""

import sqlalchemy as sa
from alembic import op

import leernet.timeutil

# revision identifiers, used by Alembic.
revision = "3b7e19c4d2a8"
down_revision = "5e1c0a7d2b94"
branch_labels = None
depends_on = None


def _moderation():
    return [
        sa.Column("hidden_at", leernet.timeutil.UTCDateTime(), nullable=True),
        sa.Column("hidden_by_id", sa.Integer(), nullable=True),
    ]


def upgrade():
    op.create_table(
        "user_wish",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["tag_id"], ["expertise_tag.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "tag_id"),
    )
    op.create_table(
        "board_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("link", sa.String(length=500), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", leernet.timeutil.UTCDateTime(), nullable=True),
        sa.Column("updated_at", leernet.timeutil.UTCDateTime(), nullable=True),
        sa.Column("settled_at", leernet.timeutil.UTCDateTime(), nullable=True),
        *_moderation(),
        sa.ForeignKeyConstraint(["author_id"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["hidden_by_id"], ["user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("board_item", schema=None) as batch_op:
        batch_op.create_index("ix_board_item_author_id", ["author_id"], unique=False)
        batch_op.create_index("ix_board_item_created_at", ["created_at"], unique=False)
        batch_op.create_index("ix_board_item_ends_on", ["ends_on"], unique=False)
        batch_op.create_index("ix_board_item_state", ["state"], unique=False)
    op.create_table(
        "board_item_tag",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["board_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["expertise_tag.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_id", "tag_id"),
    )
    op.create_table(
        "board_reply",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", leernet.timeutil.UTCDateTime(), nullable=True),
        *_moderation(),
        sa.ForeignKeyConstraint(["author_id"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["hidden_by_id"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["item_id"], ["board_item.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("board_reply", schema=None) as batch_op:
        batch_op.create_index("ix_board_reply_author_id", ["author_id"], unique=False)
        batch_op.create_index("ix_board_reply_item_id", ["item_id"], unique=False)
    op.create_table(
        "proposal_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", leernet.timeutil.UTCDateTime(), nullable=True),
        sa.Column("edited_at", leernet.timeutil.UTCDateTime(), nullable=True),
        *_moderation(),
        sa.ForeignKeyConstraint(["author_id"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["decision_id"], ["decision.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["hidden_by_id"], ["user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("proposal_comment", schema=None) as batch_op:
        batch_op.create_index("ix_proposal_comment_author_id", ["author_id"], unique=False)
        batch_op.create_index("ix_proposal_comment_decision_id", ["decision_id"], unique=False)


def downgrade():
    op.drop_table("proposal_comment")
    op.drop_table("board_reply")
    op.drop_table("board_item_tag")
    op.drop_table("board_item")
    op.drop_table("user_wish")
