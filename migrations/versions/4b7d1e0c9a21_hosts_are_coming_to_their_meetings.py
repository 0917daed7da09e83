"""hosts are coming to their own meetings: a yes for each upcoming meeting's host

Since this version a meeting's host gets a yes (with a place) when the meeting is
scheduled or changes host. This gives the hosts of meetings already scheduled the
same, unless they answered already. Data only; the downgrade leaves the answers.

Revision ID: 4b7d1e0c9a21
Revises: c85d7b7ef609
Create Date: 2026-12-07 01:10:00

"""
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa

import leernet.timeutil


# revision identifiers, used by Alembic.
revision = '4b7d1e0c9a21'
down_revision = 'c85d7b7ef609'
branch_labels = None
depends_on = None

meeting = sa.table(
    'meeting',
    sa.column('id', sa.Integer),
    sa.column('host_id', sa.Integer),
    sa.column('starts_at', leernet.timeutil.UTCDateTime),
    sa.column('cancelled_at', leernet.timeutil.UTCDateTime),
)
rsvp = sa.table(
    'rsvp',
    sa.column('meeting_id', sa.Integer),
    sa.column('user_id', sa.Integer),
    sa.column('answer', sa.String),
    sa.column('waiting', sa.Boolean),
    sa.column('said_yes_at', leernet.timeutil.UTCDateTime),
    sa.column('note', sa.String),
    sa.column('updated_at', leernet.timeutil.UTCDateTime),
)


def upgrade():
    now = datetime.now(UTC).replace(microsecond=0)
    answered = sa.exists().where(
        rsvp.c.meeting_id == meeting.c.id, rsvp.c.user_id == meeting.c.host_id
    )
    hosts = sa.select(
        meeting.c.id,
        meeting.c.host_id,
        sa.literal('yes'),
        sa.false(),
        sa.literal(now, leernet.timeutil.UTCDateTime),
        sa.literal(''),
        sa.literal(now, leernet.timeutil.UTCDateTime),
    ).where(
        meeting.c.host_id.is_not(None),
        meeting.c.cancelled_at.is_(None),
        meeting.c.starts_at > sa.literal(now, leernet.timeutil.UTCDateTime),
        ~answered,
    )
    op.execute(
        rsvp.insert().from_select(
            ['meeting_id', 'user_id', 'answer', 'waiting', 'said_yes_at', 'note', 'updated_at'],
            hosts,
        )
    )


def downgrade():
    pass
