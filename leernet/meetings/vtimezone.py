"""A VTIMEZONE in the standard recurring form: one STANDARD and one DAYLIGHT part, each with
a yearly RRULE, valid for any date, as calendar apps (Outlook among them) expect.

The rule is the zone's current one, read from the POSIX TZ string that ends every
version 2+ TZif file of the tz database (``CET-1CEST,M3.5.0,M10.5.0/3``): the same data
``zoneinfo`` uses, so the feed and the server never disagree. A zone whose rule has no
such form (none in daily use) gets None, and the caller lists its changes one by one.
"""

import re
import zoneinfo
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path

NAME = r"[A-Za-z]{3,}|<[^>]+>"
OFFSET = r"[+-]?\d{1,2}(?::\d{2}){0,2}"
RULE = r"M(\d{1,2})\.([1-5])\.([0-6])(?:/(" + OFFSET + "))?"
POSIX_TZ = re.compile(
    rf"({NAME})({OFFSET})(?:({NAME})({OFFSET})?,{RULE},{RULE})?"
)  # fmt: skip
DAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")
#: Where the recurrences start: any year before the first meeting does.
EPOCH = 1970


def vtimezone(key):
    """An ``icalendar.Timezone`` for the tz database zone ``key``, or None."""
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard  # as in ical.calendar

    match = POSIX_TZ.fullmatch(_posix_rule(key) or "")
    if match is None:
        return None
    std_name, std, dst_name, dst, *rules = match.groups()
    zone = Timezone()
    zone.add("tzid", key)
    std_offset = -_duration(std)  # POSIX counts west of Greenwich as positive
    if dst_name is None:
        zone.add_component(_part(TimezoneStandard(), std_name, std_offset, std_offset,
                                 datetime(EPOCH, 1, 1)))  # fmt: skip
        return zone
    dst_offset = -_duration(dst) if dst else std_offset + timedelta(hours=1)
    starts, ends = rules[:4], rules[4:]
    for part, name, before, after, rule in (
        (TimezoneDaylight(), dst_name, std_offset, dst_offset, starts),
        (TimezoneStandard(), std_name, dst_offset, std_offset, ends),
    ):
        month, week, weekday, at = int(rule[0]), int(rule[1]), int(rule[2]), rule[3]
        clock = _duration(at) if at else timedelta(hours=2)
        if not timedelta(0) <= clock < timedelta(days=1):
            return None  # a change "at 25:00" has no yearly weekday form
        first = datetime.combine(_nth_weekday(EPOCH, month, week, weekday), datetime.min.time())
        nth = -1 if week == 5 else week
        recurrence = {"freq": "yearly", "bymonth": month, "byday": f"{nth}{DAYS[weekday]}"}
        zone.add_component(_part(part, name, before, after, first + clock, recurrence))
    return zone


def _part(part, name, before, after, start, recurrence=None):
    part.add("tzname", name.strip("<>"))
    part.add("tzoffsetfrom", before)
    part.add("tzoffsetto", after)
    part.add("dtstart", start)
    if recurrence:
        part.add("rrule", recurrence)
    return part


def _posix_rule(key):
    """The TZ string at the end of the zone's TZif file, found where ``zoneinfo`` looks."""
    data = None
    for root in zoneinfo.TZPATH:
        path = Path(root, key)
        if path.is_file():
            data = path.read_bytes()
            break
    if data is None:
        try:
            package, _, name = f"tzdata.zoneinfo.{key.replace('/', '.')}".rpartition(".")
            data = resources.files(package).joinpath(name).read_bytes()
        except (ModuleNotFoundError, FileNotFoundError, ValueError):
            return None
    if not data.startswith(b"TZif") or data[4:5] < b"2":
        return None
    return data.rstrip(b"\n").rsplit(b"\n", 1)[-1].decode("ascii", "replace")


def _duration(text):
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")] + [0, 0]
    return sign * timedelta(hours=parts[0], minutes=parts[1], seconds=parts[2])


def _nth_weekday(year, month, week, weekday):
    """Day ``weekday`` (0 = Sunday) of week ``week`` (5 = the last) of ``month``."""
    first = date(year, month, 1)
    day = first + timedelta(days=(weekday - (first.weekday() + 1)) % 7)
    day += timedelta(weeks=week - 1)
    while day.month != month:
        day -= timedelta(weeks=1)
    return day
