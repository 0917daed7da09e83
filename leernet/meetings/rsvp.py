"""Answering a meeting (yes / maybe / no) and the counts everyone sees.

An answer first bumps the meeting's ``rsvp_version`` with an UPDATE: on PostgreSQL
that locks the meeting row, on SQLite it takes the write lock, so concurrent answers
to one meeting are settled one after the other and nobody loses a place.
"""

from collections import defaultdict
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from ..extensions import db
from .models import ANSWERS, Meeting, Rsvp
from .waitlist import Entry, settle


class RsvpError(ValueError):
    """The answer cannot be given; ``str(error)`` tells the member why."""


@dataclass
class Counts:
    yes: int = 0
    maybe: int = 0
    no: int = 0
    waiting: int = 0


def refusal(meeting, now):
    """Why this meeting takes no answers now, or None."""
    if meeting.cancelled:
        return _l("This meeting has been cancelled.")
    if meeting.starts_at <= now:
        return _l("This meeting has already started, so answers are closed.")
    return None


def host_comes(meeting, now):
    """The host counts as coming to their own meeting: a yes with a place.

    Given when a meeting gets its host, unless the host has answered already (a host
    who said no keeps that answer) or answers are closed. The host is never put on
    the waiting list: the meeting does not happen without them.
    """
    if meeting.host_id is None or refusal(meeting, now):
        return None
    if meeting.id is not None and db.session.scalar(
        select(Rsvp.id).where(Rsvp.meeting_id == meeting.id, Rsvp.user_id == meeting.host_id)
    ):
        return None
    rsvp = Rsvp(
        meeting=meeting,
        user_id=meeting.host_id,
        answer="yes",
        said_yes_at=now,
        waiting=False,
        updated_at=now,
    )
    db.session.add(rsvp)
    return rsvp


def lock(meeting):
    db.session.execute(
        update(Meeting)
        .where(Meeting.id == meeting.id)
        .values(rsvp_version=Meeting.rsvp_version + 1)
        .execution_options(synchronize_session=False)
    )


def settle_meeting(meeting):
    """Apply the waiting-list rule to the meeting's yeses; return the ids moved up."""
    rows = db.session.scalars(
        select(Rsvp).where(Rsvp.meeting_id == meeting.id, Rsvp.answer == "yes")
    ).all()
    entries = [Entry(r.user_id, r.said_yes_at, r.waiting) for r in rows]
    result = settle(entries, meeting.capacity)
    waiting = set(result.waiting)
    for row in rows:
        row.waiting = row.user_id in waiting
    return result.promoted


def answer(meeting, user, choice, note, now):
    """Record ``user``'s answer; returns ``(rsvp, promoted user ids)``. Caller commits."""
    if choice not in ANSWERS:
        raise RsvpError(_l("Choose yes, maybe or no."))
    reason = refusal(meeting, now)
    if reason:
        raise RsvpError(reason)
    lock(meeting)
    rsvp = db.session.scalar(
        select(Rsvp).where(Rsvp.meeting_id == meeting.id, Rsvp.user_id == user.id)
    )
    if rsvp is None:
        rsvp = Rsvp(meeting_id=meeting.id, user_id=user.id, answer=choice)
        db.session.add(rsvp)
    if choice == "yes" and (rsvp.answer != "yes" or rsvp.said_yes_at is None):
        rsvp.said_yes_at = now
        rsvp.waiting = True  # settled just below: a free place is taken at once
    elif choice != "yes":
        rsvp.said_yes_at = None
        rsvp.waiting = False
    rsvp.answer = choice
    rsvp.note = note.strip()[:200]
    rsvp.updated_at = now
    db.session.flush()
    promoted = [uid for uid in settle_meeting(meeting) if uid != user.id]
    return rsvp, promoted


def tally(meeting_ids):
    """``{meeting id: Counts}`` in one query, for a page of meetings."""
    counts = defaultdict(Counts)
    if not meeting_ids:
        return counts
    rows = db.session.execute(
        select(Rsvp.meeting_id, Rsvp.answer, Rsvp.waiting, func.count())
        .where(Rsvp.meeting_id.in_(list(meeting_ids)))
        .group_by(Rsvp.meeting_id, Rsvp.answer, Rsvp.waiting)
    )
    for meeting_id, choice, waiting, number in rows:
        item = counts[meeting_id]
        if choice == "yes" and waiting:
            item.waiting += number
        elif choice in ANSWERS:
            setattr(item, choice, getattr(item, choice) + number)
    return counts


def mine(user, meeting_ids):
    """``{meeting id: Rsvp}`` of ``user`` for a page of meetings, in one query."""
    if not meeting_ids:
        return {}
    rows = db.session.scalars(
        select(Rsvp).where(Rsvp.user_id == user.id, Rsvp.meeting_id.in_(list(meeting_ids)))
    )
    return {r.meeting_id: r for r in rows}


def waiting_position(meeting, user_id):
    """1-based place on the waiting list (from the loaded ``meeting.rsvps``)."""
    queue = sorted(
        (r for r in meeting.rsvps if r.answer == "yes" and r.waiting),
        key=lambda r: (r.said_yes_at, r.user_id),
    )
    for index, row in enumerate(queue, start=1):
        if row.user_id == user_id:
            return index
    return None
