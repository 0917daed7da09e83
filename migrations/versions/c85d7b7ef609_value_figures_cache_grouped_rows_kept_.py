"""value figures cache: grouped rows kept until a write

Revision ID: c85d7b7ef609
Revises: 9a815cf6170f
Create Date: 2026-12-03 02:55:43.782747

"""
from alembic import op
import sqlalchemy as sa

import leernet.timeutil


# revision identifiers, used by Alembic.
revision = 'c85d7b7ef609'
down_revision = '9a815cf6170f'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('value_figures_cache',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('generation', sa.Integer(), nullable=False),
    sa.Column('rows', sa.JSON(), nullable=True),
    sa.Column('valid_until', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_value_figures_cache'))
    )


def downgrade():
    op.drop_table('value_figures_cache')
