"""The inbox's reads: one member's messages, never anyone else's."""

from sqlalchemy import func, select, update

from ..extensions import db
from ..mail import OutboxMessage
from ..timeutil import utcnow
from .kinds import PASS_ON


def mine(user_id):
    """A member's messages, newest first (pass-on messages are the outbox's)."""
    return (
        select(OutboxMessage)
        .where(OutboxMessage.user_id == user_id, OutboxMessage.kind.not_in(PASS_ON))
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    )


def unread_count(user_id):
    return db.session.scalar(
        select(func.count(OutboxMessage.id)).where(
            OutboxMessage.user_id == user_id,
            OutboxMessage.read_at.is_(None),
            OutboxMessage.kind.not_in(PASS_ON),
        )
    )


def mark_read(user_id, message_id=None):
    """Mark one message (or all) read; only ever the member's own. Caller commits."""
    query = update(OutboxMessage).where(
        OutboxMessage.user_id == user_id, OutboxMessage.read_at.is_(None)
    )
    if message_id is not None:
        query = query.where(OutboxMessage.id == message_id)
    return db.session.execute(query.values(read_at=utcnow())).rowcount
