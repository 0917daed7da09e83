"""intervision cards: what participants write for the case-bringer in a collecting phase

Revision ID: 5e1c0a7d2b94
Revises: ef32c3722b06
Create Date: 2026-12-07 00:50:00

"""
from alembic import op
import sqlalchemy as sa

import leernet.timeutil


# revision identifiers, used by Alembic.
revision = '5e1c0a7d2b94'
down_revision = 'ef32c3722b06'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('intervision_card',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('phase', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.String(length=280), nullable=False),
    sa.Column('marked', sa.Boolean(), nullable=False),
    sa.Column('created_at', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['author_id'], ['user.id'], name=op.f('fk_intervision_card_author_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['session_id'], ['intervision_session.id'], name=op.f('fk_intervision_card_session_id_intervision_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intervision_card'))
    )
    with op.batch_alter_table('intervision_card', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_intervision_card_session_id'), ['session_id'], unique=False)


def downgrade():
    with op.batch_alter_table('intervision_card', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_intervision_card_session_id'))
    op.drop_table('intervision_card')
