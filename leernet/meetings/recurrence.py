"""Recurring meetings: a rule in local wall time, expanded to UTC instants.

A series says "10:00-16:00 on the 2nd Tuesday, every 2 months" in the network's time
zone. Expanding it in local time and converting each date separately keeps 10:00 at
10:00 across daylight-saving changes (a fixed UTC step would drift by an hour).
The first date of a series always belongs to it: the rule is derived from that date.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

WEEKS = "weeks"
MONTHS = "months"  # on the nth weekday of the month, taken from the first date
MONTHS_LAST = "months_last"  # on the last weekday of the month
FREQUENCIES = (WEEKS, MONTHS, MONTHS_LAST)
#: A series is planned ahead, not forever: bounded work and bounded calendars.
MAX_OCCURRENCES = 60
MAX_SPAN_DAYS = 3 * 366


class NonexistentTime(ValueError):
    """A local time skipped by a daylight-saving change (e.g. 02:30 on the last Sunday
    of March in Amsterdam)."""


@dataclass(frozen=True)
class Rule:
    frequency: str
    interval: int
    first: date
    until: date
    starts: time
    ends: time
    timezone: str

    @property
    def nth(self):
        return nth_for(self.frequency, self.first)


def nth_of(day):
    return (day.day - 1) // 7 + 1


def nth_for(frequency, first):
    """Which weekday of the month: 1..4 from the first date, or -1 for the last
    (a "5th Tuesday" would skip most months, so it means the last one)."""
    nth = nth_of(first)
    return -1 if frequency == MONTHS_LAST or nth == 5 else nth


def is_last_of_month(day):
    return (day + timedelta(days=7)).month != day.month


def local_dates(rule):
    """The local dates of a series, first date included, at most ``MAX_OCCURRENCES``."""
    if rule.frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency {rule.frequency!r}")
    if rule.frequency == MONTHS_LAST and not is_last_of_month(rule.first):
        raise ValueError(f"{rule.first} is not the last of its weekday in the month")
    start = datetime.combine(rule.first, time())
    until = datetime.combine(min(rule.until, rule.first + timedelta(days=MAX_SPAN_DAYS)), time())
    day = weekday(rule.first.weekday())
    if rule.frequency == WEEKS:
        dates = rrule(
            WEEKLY, interval=rule.interval, byweekday=day, dtstart=start, until=until, count=None
        )
    else:
        dates = rrule(
            MONTHLY, interval=rule.interval, byweekday=day(rule.nth), dtstart=start, until=until
        )
    out = []
    for moment in dates:
        out.append(moment.date())
        if len(out) >= MAX_OCCURRENCES:
            break
    return out


def to_utc(day, wall, timezone, strict=False):
    """A local date and wall-clock time as an aware UTC datetime.

    A time skipped by a daylight-saving change raises ``NonexistentTime`` when ``strict``;
    otherwise it moves forward by the gap (02:30 becomes 03:30), as calendar apps do.
    Ambiguous times (the repeated hour in autumn) take the first, summer-time reading.
    """
    zone = ZoneInfo(timezone)
    local = datetime.combine(day, wall).replace(tzinfo=zone, fold=0)
    instant = local.astimezone(UTC)  # in a gap, fold=0 reads the time before the change
    if strict and instant.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise NonexistentTime(f"{day} {wall} does not exist in {timezone}")
    return instant


def span(day, starts, ends, timezone, strict=False):
    """Start and end of a meeting that starts on local ``day``, in UTC.

    An end at or before the start on the clock is the next day: 21:00–00:30 runs past
    midnight. A start moved forward out of a spring-forward gap may reach the end
    (02:00–03:00 on the night of the change): the meeting then keeps its planned length.
    """
    end_day = day + timedelta(days=1) if ends <= starts else day
    start = to_utc(day, starts, timezone, strict)
    end = to_utc(end_day, ends, timezone, strict)
    if end <= start:
        end = start + (datetime.combine(end_day, ends) - datetime.combine(day, starts))
    return start, end


def occurrences(rule):
    """``(local date, start UTC, end UTC)`` for every occurrence of the series."""
    return [(day, *span(day, rule.starts, rule.ends, rule.timezone)) for day in local_dates(rule)]


def match(old, new, skip=frozenset()):
    """Pair existing occurrences with the dates of a changed rule.

    ``old`` holds ``(key, local date)`` of the existing, not cancelled occurrences;
    ``new`` the rule's dates; ``skip`` dates that were cancelled (they stay cancelled).
    An occurrence already on a new date keeps it; the others move to the remaining
    dates in order (so RSVPs, calendar UIDs and links survive a change of rhythm).
    Returns ``(pairs, dropped, added)``: ``(key, date)`` pairs, keys left without a
    date, and dates that need a new occurrence.
    """
    dates = [d for d in new if d not in skip]
    wanted = set(dates)
    pairs, taken, kept = [], set(), set()
    for key, day in old:
        if day in wanted and day not in taken:
            pairs.append((key, day))
            taken.add(day)
            kept.add(key)
    rest_old = [key for key, _day in old if key not in kept]
    rest_new = [day for day in dates if day not in taken]
    moved = list(zip(rest_old, rest_new, strict=False))
    pairs = sorted(pairs + moved, key=lambda pair: pair[1])
    return pairs, rest_old[len(moved) :], rest_new[len(moved) :]
