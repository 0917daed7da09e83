"""Closing on time: due decisions close, and "closing soon" notices go out once.

``sweep`` runs on access (the decision log) and from cron (``leernet close-decisions``);
both may run at the same moment, since closing and reminding are conditional UPDATEs.
"""

from sqlalchemy import or_, select, update

from ..extensions import db
from ..members.models import User
from . import notices, rules
from .models import Decision, Stance
from .service import close


def sweep(now):
    """Close every due decision and send due "closing soon" notices: ``(closed, reminded)``."""
    soon = now + rules.CLOSING_SOON
    candidates = db.session.scalars(
        select(Decision).where(
            Decision.status == rules.OPEN,
            Decision.closes_at <= soon,
            or_(Decision.closes_at <= now, Decision.reminded_at.is_(None)),
        )
    ).all()
    closed = reminded = 0
    for decision in candidates:
        if rules.due(decision, now):
            closed += close(decision, now)
        elif rules.reminder_due(decision, now) and remind(decision, now):
            reminded += 1
    return closed, reminded


def remind(decision, now):
    """Send the "closing soon" notice once, to the active members who have not taken part."""
    result = db.session.execute(
        update(Decision)
        .where(
            Decision.id == decision.id,
            Decision.status == rules.OPEN,
            Decision.reminded_at.is_(None),
        )
        .values(reminded_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(decision)
    if result.rowcount != 1:
        return False
    taken_part = select(Stance.member_id).where(Stance.decision_id == decision.id)
    waiting = db.session.scalars(
        select(User).where(
            User.active.is_(True), User.erased.is_(False), User.id.not_in(taken_part)
        )
    )
    notices.closing_soon(decision, waiting)
    return True
