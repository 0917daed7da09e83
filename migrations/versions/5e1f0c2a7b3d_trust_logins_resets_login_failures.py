"""trust: one row per login, password resets approved by code, failed logins counted

Revision ID: 5e1f0c2a7b3d
Revises: d5a527954034
Create Date: 2026-12-07 01:00:00.000000

"""
from alembic import op
import sqlalchemy as sa

import leernet.timeutil


# revision identifiers, used by Alembic.
revision = '5e1f0c2a7b3d'
down_revision = 'd5a527954034'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('login',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('key_hash', sa.String(length=64), nullable=False),
    sa.Column('remember', sa.Boolean(), nullable=False),
    sa.Column('created_at', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_login_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login')),
    sa.UniqueConstraint('key_hash', name=op.f('uq_login_key_hash'))
    )
    op.create_index(op.f('ix_login_user_id'), 'login', ['user_id'], unique=False)
    op.create_index(op.f('ix_login_created_at'), 'login', ['created_at'], unique=False)
    op.create_table('reset_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('browser_hash', sa.String(length=64), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.Column('expires_at', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.Column('wrong_codes', sa.Integer(), nullable=False),
    sa.Column('approved_by_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.Column('used_at', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.Column('seen_at', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['approved_by_id'], ['user.id'], name=op.f('fk_reset_request_approved_by_id_user'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_reset_request_user_id_user'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reset_request')),
    sa.UniqueConstraint('browser_hash', name=op.f('uq_reset_request_browser_hash'))
    )
    op.create_index(op.f('ix_reset_request_user_id'), 'reset_request', ['user_id'], unique=False)
    op.create_table('login_failure',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('key', sa.String(length=320), nullable=False),
    sa.Column('at', leernet.timeutil.UTCDateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failure'))
    )
    op.create_index('ix_login_failure_kind_key', 'login_failure', ['kind', 'key'], unique=False)
    op.create_index(op.f('ix_login_failure_at'), 'login_failure', ['at'], unique=False)
    # Reset links kept in the outbox before this version: whoever read them became the member.
    op.execute("UPDATE outbox_message SET body = '', link = '' WHERE kind = 'reset'")


def downgrade():
    op.drop_index(op.f('ix_login_failure_at'), table_name='login_failure')
    op.drop_index('ix_login_failure_kind_key', table_name='login_failure')
    op.drop_table('login_failure')
    op.drop_index(op.f('ix_reset_request_user_id'), table_name='reset_request')
    op.drop_table('reset_request')
    op.drop_index(op.f('ix_login_created_at'), table_name='login')
    op.drop_index(op.f('ix_login_user_id'), table_name='login')
    op.drop_table('login')
