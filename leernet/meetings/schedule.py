"""Creating, changing and cancelling meetings and series. The caller commits.

Each change reports which fields changed, so the caller can bump calendars (every
visible change raises the iCalendar SEQUENCE) and tell members only about what matters
to them (a new time or place, not a typo in the agenda).
"""

from dataclasses import asdict, dataclass, field
from datetime import timedelta
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext
from sqlalchemy import func, select

from ..extensions import db
from ..timeutil import utcnow
from . import recurrence
from .models import Meeting, Rsvp, Series
from .rsvp import host_comes, settle_meeting

#: Fields a calendar shows: a change bumps SEQUENCE so subscribed calendars update.
CALENDAR_FIELDS = {"title", "kind", "starts_at", "ends_at", "place", "online_url", "agenda"}
#: Changes worth a notice to every member.
MATERIAL_FIELDS = {"title", "starts_at", "ends_at", "place", "online_url"}


class ScheduleError(ValueError):
    """A change is refused; ``field`` names the form field to show ``str(self)`` on."""

    def __init__(self, field_name, message):
        super().__init__(message)
        self.field = field_name


@dataclass
class Details:
    """What a meeting is, apart from when."""

    title: str
    kind: str = "network"
    place: str = ""
    online_url: str = ""
    agenda: str = ""
    guests: str = ""
    host_id: int | None = None
    capacity: int | None = None


@dataclass
class Change:
    meeting: Meeting
    fields: set = field(default_factory=set)
    promoted: list = field(default_factory=list)

    @property
    def material(self):
        return bool(self.fields & MATERIAL_FIELDS)


def create_meeting(details, starts_at, ends_at, by=None, series=None):
    meeting = Meeting(
        **asdict(details),
        starts_at=starts_at,
        ends_at=ends_at,
        created_by_id=by.id if by else None,
        series=series,
    )
    db.session.add(meeting)
    host_comes(meeting, utcnow())
    return meeting


def create_series(details, rule, by=None):
    series = Series(created_by_id=by.id if by else None)
    _set_rule(series, rule)
    db.session.add(series)
    meetings = [
        create_meeting(details, start, end, by, series)
        for _day, start, end in recurrence.occurrences(rule)
    ]
    db.session.flush()
    return series, meetings


def rule_of(series):
    return recurrence.Rule(
        frequency=series.frequency,
        interval=series.interval,
        first=series.first_date,
        until=series.until,
        starts=series.starts,
        ends=series.ends,
        timezone=series.timezone,
    )


def _set_rule(series, rule):
    series.frequency = rule.frequency
    series.interval = rule.interval
    series.first_date = rule.first
    series.until = rule.until
    series.starts = rule.starts
    series.ends = rule.ends
    series.timezone = rule.timezone


def confirmed_count(meeting):
    return db.session.scalar(
        select(func.count(Rsvp.id)).where(
            Rsvp.meeting_id == meeting.id, Rsvp.answer == "yes", Rsvp.waiting.is_(False)
        )
    )


def check_capacity(meeting, capacity):
    if capacity is None or meeting.id is None:
        return
    coming = confirmed_count(meeting)
    if capacity < coming:
        raise ScheduleError(
            "capacity",
            lazy_ngettext(
                "%(num)d person is already coming, so the capacity cannot be lower.",
                "%(num)d people are already coming, so the capacity cannot be lower.",
                coming,
            ),
        )


def apply(meeting, details, starts_at, ends_at, now):
    """Change one meeting; returns a ``Change`` (its fields may be empty)."""
    check_capacity(meeting, details.capacity)
    values = {**asdict(details), "starts_at": starts_at, "ends_at": ends_at}
    change = Change(meeting, {k for k, v in values.items() if getattr(meeting, k) != v})
    for name in change.fields:
        setattr(meeting, name, values[name])
    if change.fields & CALENDAR_FIELDS:
        meeting.sequence += 1
    if change.fields:
        meeting.updated_at = now
    if "host_id" in change.fields:
        host_comes(meeting, now)
    if "capacity" in change.fields:
        db.session.flush()
        change.promoted = settle_meeting(meeting)
    return change


def cancel(meeting, reason, now):
    """Cancel one meeting (RSVPs stay, calendars get STATUS:CANCELLED)."""
    if meeting.cancelled:
        return False
    meeting.cancelled_at = now
    meeting.cancel_reason = (reason or "").strip()[:500]
    meeting.sequence += 1
    meeting.updated_at = now
    return True


def following(meeting):
    """This occurrence and the later ones of its series, in order."""
    return db.session.scalars(
        select(Meeting)
        .where(Meeting.series_id == meeting.series_id, Meeting.starts_at >= meeting.starts_at)
        .order_by(Meeting.starts_at, Meeting.id)
    ).all()


def cancel_following(meeting, reason, now):
    return [m for m in following(meeting) if cancel(m, reason, now)]


def local_date(meeting, timezone):
    return meeting.starts_at.astimezone(ZoneInfo(timezone)).date()


def change_following(meeting, details, rule, now, by=None):
    """Change this occurrence and the following ones to ``details`` and ``rule``.

    Earlier occurrences keep the old series (it now ends the day before); this one and
    the later ones move to the new rule, keeping their rows where they can.
    Returns ``(changes, added, dropped)``.
    """
    old = meeting.series
    later = following(meeting)
    for item in later:
        check_capacity(item, details.capacity)
    earlier = db.session.scalar(
        select(func.count(Meeting.id)).where(
            Meeting.series_id == old.id, Meeting.starts_at < meeting.starts_at
        )
    )
    if earlier:
        old.until = local_date(meeting, old.timezone) - timedelta(days=1)
        target = Series(created_by_id=by.id if by else old.created_by_id)
        db.session.add(target)
    else:
        target = old
    _set_rule(target, rule)
    for item in later:
        item.series = target
    active = [m for m in later if not m.cancelled]
    skip = {local_date(m, rule.timezone) for m in later if m.cancelled}
    spans = {day: (start, end) for day, start, end in recurrence.occurrences(rule)}
    by_id = {m.id: m for m in active}
    pairs, dropped, added = recurrence.match(
        [(m.id, local_date(m, rule.timezone)) for m in active], list(spans), skip
    )
    changes = [apply(by_id[key], details, *spans[day], now) for key, day in pairs]
    for key in dropped:
        cancel(by_id[key], str(_l("The series was changed.")), now)
    new = [create_meeting(details, *spans[day], by, target) for day in added]
    db.session.flush()
    return changes, new, [by_id[key] for key in dropped]
