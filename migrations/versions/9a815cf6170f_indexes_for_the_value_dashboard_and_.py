"""indexes for the value dashboard and search (measured by make bench)

Revision ID: 9a815cf6170f
Revises: 3e3f5eda3625
Create Date: 2026-11-25 17:09:48.244219

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '9a815cf6170f'
down_revision = '3e3f5eda3625'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        'ix_rsvp_meeting_answer', 'rsvp', ['meeting_id', 'answer', 'waiting', 'user_id']
    )
    op.create_index(
        'ix_search_document_filter', 'search_document', ['id', 'kind', 'audience', 'updated_at']
    )


def downgrade():
    op.drop_index('ix_search_document_filter', table_name='search_document')
    op.drop_index('ix_rsvp_meeting_answer', table_name='rsvp')
