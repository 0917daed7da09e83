"""The rules of the notice board: posting, replying, settling, hiding, and what is current.

An item is current while it is open, not hidden and its end date has not passed (in the
network's time zone); everything else is in the archive. Only the poster changes or
settles an item; only a coordinator hides one (``leernet.moderation``).
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select

from ..extensions import db
from ..i18n import format_date
from ..members.accounts import tags_named
from ..members.models import ExpertiseTag
from ..timeutil import utcnow
from ..value.figures import local_today
from .models import CLOSED, FILLED, OPEN, BoardItem, BoardReply

KINDS = {
    "vacancy": _l("Vacancy"),
    "paid": _l("Paid assignment"),
    "unpaid": _l("Unpaid assignment"),
    "collaboration": _l("Call for collaboration"),
    "event": _l("Event elsewhere"),
    "announcement": _l("Announcement"),
}
STATE_LABELS = {OPEN: _l("open"), FILLED: _l("filled"), CLOSED: _l("closed")}
FILTERS = ("current", "archive", "mine")
MAX_TAGS = 8


class BoardError(ValueError):
    """A rule stopped the change; ``str(error)`` is shown to the member."""


def post(user, kind, title, body, link, ends_on, tags=""):
    item = BoardItem(author=user, state=OPEN)
    change(item, kind, title, body, link, ends_on, tags)
    db.session.add(item)
    return item


def change(item, kind, title, body, link, ends_on, tags):
    item.kind = kind
    item.title = title.strip()
    item.body = (body or "").strip()
    item.link = (link or "").strip()
    item.ends_on = ends_on
    item.tags = tags_named(tags, MAX_TAGS)


def is_current(item, today=None):
    return (
        item.state == OPEN
        and item.hidden_at is None
        and (item.ends_on is None or item.ends_on >= (today or local_today()))
    )


def _current(today):
    return (
        (BoardItem.state == OPEN)
        & BoardItem.hidden_at.is_(None)
        & or_(BoardItem.ends_on.is_(None), BoardItem.ends_on >= today)
    )


def listing(which, user, tag="", today=None):
    """Items for the board, newest first; hidden ones only for coordinators."""
    today = today or local_today()
    query = select(BoardItem)
    if which == "current":
        query = query.where(_current(today))
    elif which == "archive":
        query = query.where(~_current(today))
    elif which == "mine":
        query = query.where(BoardItem.author_id == user.id)
    if not user.is_coordinator:
        query = query.where(BoardItem.hidden_at.is_(None) | (BoardItem.author_id == user.id))
    if tag:
        query = query.where(BoardItem.tags.any(ExpertiseTag.name == tag))
    return query.order_by(BoardItem.created_at.desc(), BoardItem.id.desc())


def newest(user, limit=3, today=None):
    """Current items by others, newest first: what the home page shows."""
    query = listing("current", user, today=today).where(BoardItem.author_id != user.id)
    return db.session.scalars(query.limit(limit)).all()


def reply_counts(item_ids):
    """``{item_id: visible replies}`` for one page of items, in one query."""
    if not item_ids:
        return {}
    rows = db.session.execute(
        select(BoardReply.item_id, func.count(BoardReply.id))
        .where(BoardReply.item_id.in_(item_ids), BoardReply.hidden_at.is_(None))
        .group_by(BoardReply.item_id)
    )
    return dict(rows.all())


def may_change(user, item):
    """Only the poster edits or settles their own item (a coordinator may hide it)."""
    return item.author_id == user.id


def may_see(user, item):
    return item.hidden_at is None or user.is_coordinator or item.author_id == user.id


def reply(user, item, body):
    if not is_current(item):
        raise BoardError(_l("This notice is no longer open for replies."))
    answer = BoardReply(item=item, body=body.strip(), author=user)
    db.session.add(answer)
    return answer


def settle(item, state):
    """Mark filled or closed (or open again, while its end date has not passed)."""
    if state not in (OPEN, FILLED, CLOSED):
        raise BoardError(_l("Choose open, filled or closed."))
    if state == OPEN and item.ends_on is not None and item.ends_on < local_today():
        raise BoardError(_l("Its end date has passed: post it again with a new end date."))
    item.state = state
    item.settled_at = None if state == OPEN else utcnow()


def share_text(item, url):
    """What the share button copies for the group chat: kind, title, end date, link."""
    parts = [f"{KINDS.get(item.kind, '')}: {item.title}"]
    if item.ends_on:
        parts.append(str(_l("until %(date)s", date=format_date(item.ends_on, "medium"))))
    return " · ".join(parts) + f"\n{url}"
