"""What the RSVP panel shows (home card and meeting page): counts, my answer, check-in.

Two ways to fill it with a fixed number of queries: from a meeting whose RSVPs and
attendance are already loaded (the meeting page), or with three small queries (the
home card, where loading every RSVP would grow with the network).
"""

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from .attendance import checkin_open
from .models import Attendance, Meeting, Rsvp
from .rsvp import Counts, mine, refusal, tally, waiting_position

ORDER = {"yes": 0, "maybe": 1, "no": 2}


def load(meeting_id):
    """A meeting with host, series, RSVPs and attendance (and their members) loaded."""
    return db.session.scalar(
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            joinedload(Meeting.host),
            joinedload(Meeting.series),
            # each member joined into their answer's or check-in's row: no third and fourth query
            selectinload(Meeting.rsvps).joinedload(Rsvp.user),
            selectinload(Meeting.attendances).joinedload(Attendance.user),
        )
    )


def from_loaded(meeting, user, now):
    counts = Counts()
    for row in meeting.rsvps:
        if row.answer == "yes" and row.waiting:
            counts.waiting += 1
        elif row.answer in ORDER:
            setattr(counts, row.answer, getattr(counts, row.answer) + 1)
    my = next((r for r in meeting.rsvps if r.user_id == user.id), None)
    return {
        "meeting": meeting,
        "counts": counts,
        "mine": my,
        "position": waiting_position(meeting, user.id) if my and my.waiting else None,
        "refusal": refusal(meeting, now),
        "checkin_open": checkin_open(meeting, now),
        "present": any(a.user_id == user.id for a in meeting.attendances),
        "view": "detail",
        "groups": groups(meeting),
    }


def by_query(meeting, user, now):
    counts = tally([meeting.id])[meeting.id]
    my = mine(user, [meeting.id]).get(meeting.id)
    position = None
    if my is not None and my.answer == "yes" and my.waiting:
        position = 1 + db.session.scalar(
            select(func.count(Rsvp.id)).where(
                Rsvp.meeting_id == meeting.id,
                Rsvp.answer == "yes",
                Rsvp.waiting.is_(True),
                Rsvp.said_yes_at < my.said_yes_at,
            )
        )
    is_open = checkin_open(meeting, now)
    present = is_open and db.session.scalar(
        select(Attendance.id).where(
            Attendance.meeting_id == meeting.id, Attendance.user_id == user.id
        )
    )
    return {
        "meeting": meeting,
        "counts": counts,
        "mine": my,
        "position": position,
        "refusal": refusal(meeting, now),
        "checkin_open": is_open,
        "present": bool(present),
        "view": "card",
        "groups": None,
    }


def groups(meeting):
    """Who answered what, for the meeting page: coming, waiting, maybe, not coming."""
    out = {"yes": [], "waiting": [], "maybe": [], "no": []}
    rows = sorted(
        meeting.rsvps, key=lambda r: (r.said_yes_at is None, r.said_yes_at, r.user.name.lower())
    )
    for row in rows:
        key = "waiting" if row.answer == "yes" and row.waiting else row.answer
        if key in out:
            out[key].append(row)
    return out


def next_meeting(now):
    """The meeting happening now or next (not cancelled), with its host."""
    return db.session.scalar(
        select(Meeting)
        .where(Meeting.ends_at > now, Meeting.cancelled_at.is_(None))
        .order_by(Meeting.starts_at, Meeting.id)
        .options(joinedload(Meeting.host))
        .limit(1)
    )
