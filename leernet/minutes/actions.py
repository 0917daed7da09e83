"""Action items: who may see and change them, and the lists that show them.

An action is visible to every member, except one that came from minutes: it is then
as confidential as those minutes (its owner and whoever made it always see it). Its
owner, its maker and whoever manages its meeting (host, coordinators) may change it.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..meetings.policy import may_manage
from .models import ActionItem


def _with_people(query):
    return query.options(
        joinedload(ActionItem.owner),
        joinedload(ActionItem.meeting),
    )


def ordered(query):
    """Open ones first (soonest due first, undated last), then the done ones."""
    return query.order_by(
        ActionItem.done_at.is_not(None),
        case((ActionItem.due_on.is_(None), 1), else_=0),
        ActionItem.due_on,
        ActionItem.done_at.desc(),
        ActionItem.id,
    )


def for_meeting(meeting_id):
    return db.session.scalars(
        ordered(_with_people(select(ActionItem).where(ActionItem.meeting_id == meeting_id)))
    ).all()


def visible_for_meeting(user, meeting_id, readable_minutes):
    """A meeting's actions this member may see (``readable_minutes``: ids they may read).

    Actions from other minutes of the meeting (an intervision session's) show here only
    to their owner and maker: the session's own page lists them for its participants.
    """
    return [a for a in for_meeting(meeting_id) if visible(user, a, readable_minutes)]


def for_minutes(minutes_id):
    return db.session.scalars(
        ordered(_with_people(select(ActionItem).where(ActionItem.minutes_id == minutes_id)))
    ).all()


def mine_query(user, done=False):
    query = select(ActionItem).where(ActionItem.owner_id == user.id)
    query = query.where(ActionItem.done_at.is_not(None) if done else ActionItem.done_at.is_(None))
    if done:
        return _with_people(query).order_by(ActionItem.done_at.desc(), ActionItem.id.desc())
    return ordered(_with_people(query))


def open_count(user):
    return db.session.scalar(
        select(func.count(ActionItem.id)).where(
            ActionItem.owner_id == user.id, ActionItem.done_at.is_(None)
        )
    )


def visible(user, action, readable_minutes):
    """``readable_minutes``: ids of the minutes this member may read (a set or a rule)."""
    if action.minutes_id is None or user.id in (action.owner_id, action.created_by_id):
        return True
    if callable(readable_minutes):
        return readable_minutes(action.minutes_id)
    return action.minutes_id in readable_minutes


def may_change(user, action):
    if not user.is_active:
        return False
    if user.id in (action.owner_id, action.created_by_id):
        return True
    if action.meeting is not None:
        return may_manage(user, action.meeting)
    return bool(user.is_coordinator)


def today() -> date:
    """Today in the network's time zone (what "overdue" is measured against)."""
    from ..i18n import select_timezone

    return datetime.now(ZoneInfo(select_timezone())).date()
