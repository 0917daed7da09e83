"""Saving minutes without lost updates, restoring, and the lifecycle.

Each save says which revision it started from (``base``). The conditional UPDATE
``... WHERE head = base AND state != 'approved'`` lets exactly one of two concurrent
saves from the same base through; the other matches no row and gets ``Conflict``
with the text saved in between, to merge by hand. Should two saves still race to
the same revision number, the unique ``(minutes_id, number)`` key refuses the second
at commit (the view treats that ``IntegrityError`` as a conflict too). Lifecycle
changes are conditional UPDATEs on the state in the same way. The caller commits.
"""

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from ..extensions import db
from . import rules
from .models import Minutes, MinutesEvent, MinutesRevision

#: The longest text a revision may hold.
MAX_TEXT = 50_000


class MinutesError(Exception):
    """A refused change; the view says why (``reason`` is a key of ``labels.REFUSALS``)."""

    def __init__(self, reason, status=409):
        super().__init__(reason)
        self.reason = reason
        self.status = status


class Conflict(MinutesError):
    """Someone saved since ``base``: ``head`` is the revision saved in between."""

    def __init__(self, head):
        super().__init__("conflict")
        self.head = head


def find(kind, subject_id):
    return db.session.scalar(
        select(Minutes)
        .where(Minutes.subject_kind == kind, Minutes.subject_id == subject_id)
        .options(
            joinedload(Minutes.taker),
            joinedload(Minutes.locked_by),
        )
    )


def create(subject, obj, taker_id=None):
    """New, empty minutes of ``obj`` (a draft, nothing written yet); the caller commits."""
    if subject.minute_taker is not None:
        taker_id = subject.minute_taker(obj) or taker_id
    minutes = Minutes(
        subject_kind=subject.kind,
        subject_id=obj.id,
        meeting_id=subject.meeting_id(obj),
        visibility=subject.visibilities[0],
        taker_id=taker_id,
        state=rules.DRAFT,
        head=0,
        text="",
    )
    db.session.add(minutes)
    db.session.flush()
    return minutes


def ensure(subject, obj, taker_id=None):
    """The minutes of ``obj``, created (empty, as a draft) and committed if need be.

    Created in a transaction of its own: when two people start at once, one creates
    the row and the other finds it (and then meets the first one's save as a conflict).
    """
    minutes = find(subject.kind, obj.id)
    if minutes is not None:
        return minutes
    try:
        create(subject, obj, taker_id)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
    return find(subject.kind, obj.id)


def erase(minutes, now):
    """Forget what the minutes said: their revisions and lifecycle log go, and they are an
    empty draft again (so search drops them). For confidential subjects whose details
    expire; their action items stay. The caller commits."""
    for model in (MinutesRevision, MinutesEvent):
        db.session.execute(delete(model).where(model.minutes_id == minutes.id))
    minutes.text, minutes.head, minutes.state = "", 0, rules.DRAFT
    minutes.locked_by_id, minutes.locked_at, minutes.updated_at = None, None, now


def revision(minutes, number):
    return db.session.scalar(
        select(MinutesRevision)
        .where(MinutesRevision.minutes_id == minutes.id, MinutesRevision.number == number)
        .options(joinedload(MinutesRevision.author))
    )


def _refused(minutes):
    """Why a conditional UPDATE matched nothing: locked, or someone saved in between."""
    db.session.refresh(minutes)
    if minutes.state == rules.APPROVED:
        return MinutesError("locked")
    return Conflict(revision(minutes, minutes.head))


def save(minutes, base, text, author, now, note="", restored_from=None):
    """Save ``text`` as the revision after ``base``; None when nothing changed."""
    text = (text or "").replace("\r\n", "\n")[:MAX_TEXT]
    if base == minutes.head and text == minutes.text:
        return None
    result = db.session.execute(
        update(Minutes)
        .where(Minutes.id == minutes.id, Minutes.head == base, Minutes.state != rules.APPROVED)
        .values(head=base + 1, text=text, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise _refused(minutes)
    for name, value in (("head", base + 1), ("text", text), ("updated_at", now)):
        set_committed_value(minutes, name, value)
    if minutes.taker_id is None:
        minutes.taker_id = author.id
    row = MinutesRevision(
        minutes_id=minutes.id,
        number=base + 1,
        text=text,
        author_id=author.id,
        note=(note or "").strip()[:300],
        restored_from=restored_from,
        created_at=now,
    )
    db.session.add(row)
    db.session.flush()
    return row


def restore(minutes, number, base, author, now):
    """Make revision ``number``'s text the new current revision."""
    old = revision(minutes, number)
    if old is None or number >= minutes.head:
        raise MinutesError("no_revision", 404)
    return save(minutes, base, old.text, author, now, restored_from=number)


def _transition(minutes, user, now, kind, values, where=(), note=""):
    result = db.session.execute(
        update(Minutes)
        .where(Minutes.id == minutes.id, *where)
        .values(updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.refresh(minutes)
        raise MinutesError("changed")
    for name, value in {"updated_at": now, **values}.items():
        set_committed_value(minutes, name, value)
    event = MinutesEvent(
        minutes_id=minutes.id,
        kind=kind,
        user_id=user.id,
        revision=minutes.head,
        note=note,
        created_at=now,
    )
    db.session.add(event)
    db.session.flush()
    return event


def share(minutes, user, now):
    if minutes.head == 0:
        raise MinutesError("empty")
    return _transition(
        minutes, user, now, "shared", {"state": rules.SHARED}, [Minutes.state == rules.DRAFT]
    )


def approve(minutes, user, seen_head, now):
    """Approve and lock the text ``user`` saw (revision ``seen_head``)."""
    return _transition(
        minutes,
        user,
        now,
        "approved",
        {"state": rules.APPROVED, "locked_by_id": user.id, "locked_at": now},
        [Minutes.state == rules.SHARED, Minutes.head == seen_head],
    )


def unlock(minutes, user, reason, now):
    reason = (reason or "").strip()[:500]
    if not reason:
        raise MinutesError("reason", 422)
    return _transition(
        minutes,
        user,
        now,
        "unlocked",
        {"state": rules.SHARED, "locked_by_id": None, "locked_at": None},
        [Minutes.state == rules.APPROVED],
        note=reason,
    )


def set_visibility(minutes, user, visibility, allowed, now):
    if visibility not in allowed:
        raise MinutesError("visibility", 422)
    if visibility == minutes.visibility:
        return None
    return _transition(
        minutes, user, now, "visibility", {"visibility": visibility}, note=visibility
    )
