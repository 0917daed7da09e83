"""The sums behind the dashboard and the report, as pure functions.

The database does the counting (one ``GROUP BY`` per month bucket, see ``queries``);
these functions turn its rows into months with figures, totals, means and the
fairness of role rotation, and parse the report's period. No Flask, no SQL.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from .cycles import KEYS as CYCLES

MAX_MONTHS = 120

# Period problems (the view words them).
MISSING = "missing"
INVALID = "invalid"
REVERSED = "reversed"
TOO_LONG = "too_long"


def first_of_month(day):
    return day.replace(day=1)


def add_months(day, count):
    index = day.year * 12 + day.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """Whole days ``start`` to ``end`` (both included), in the network's time zone."""

    start: date
    end: date

    @property
    def months(self):
        """The first day of every calendar month the period touches."""
        first, last = first_of_month(self.start), first_of_month(self.end)
        count = (last.year - first.year) * 12 + last.month - first.month + 1
        return [add_months(first, n) for n in range(count)]

    def bounds(self, timezone):
        """UTC instants cutting the period into month buckets: bucket ``i`` holds
        ``bounds[i] <= t < bounds[i + 1]`` (local midnight, so DST is no trouble)."""
        zone = ZoneInfo(timezone)
        cuts = [self.start] + self.months[1:] + [date.fromordinal(self.end.toordinal() + 1)]
        return [datetime.combine(d, time(), tzinfo=zone).astimezone(UTC) for d in cuts]


def last_months(today, count=12):
    """The rolling period the dashboard shows: ``count`` months up to and including today."""
    return Period(add_months(first_of_month(today), -(count - 1)), today)


def parse_period(start_text, end_text, max_months=MAX_MONTHS):
    """``(Period, None)`` or ``(None, problem)`` from two ``YYYY-MM-DD`` strings."""
    start_text, end_text = (start_text or "").strip(), (end_text or "").strip()
    if not start_text or not end_text:
        return None, MISSING
    try:
        start, end = date.fromisoformat(start_text), date.fromisoformat(end_text)
    except ValueError:
        return None, INVALID
    if not (1900 <= start.year <= 2200 and 1900 <= end.year <= 2200):
        return None, INVALID
    if end < start:
        return None, REVERSED
    period = Period(start, end)
    if len(period.months) > max_months:
        return None, TOO_LONG
    return period, None


def mean(total, count, digits=1):
    return round(total / count, digits) if count else None


def ratio(part, whole):
    """A percentage, or None when there is nothing to divide by."""
    return round(100 * part / whole) if whole else None


@dataclass
class Month:
    """The figures of one month (or, summed, of a whole period)."""

    month: date | None = None
    meetings: int = 0
    attendance: int = 0
    rsvp_yes: int = 0
    yes_came: int = 0
    checkouts: int = 0
    usefulness_sum: int = 0
    usefulness: list[int] = field(default_factory=lambda: [0] * 5)  # how many 1s .. 5s
    cycles: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CYCLES, 0))

    @property
    def mean_usefulness(self):
        return mean(self.usefulness_sum, self.checkouts)

    @property
    def mean_attendance(self):
        return mean(self.attendance, self.meetings)

    @property
    def show_up(self):
        """Of those who said yes, the percentage who came."""
        return ratio(self.yes_came, self.rsvp_yes)

    def add(self, other):
        for name in ("meetings", "attendance", "rsvp_yes", "yes_came", "checkouts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.usefulness_sum += other.usefulness_sum
        self.usefulness = [a + b for a, b in zip(self.usefulness, other.usefulness, strict=True)]
        for key in CYCLES:
            self.cycles[key] += other.cycles[key]


def _bucket(index, months):
    return months[index] if isinstance(index, int) and 0 <= index < len(months) else None


def monthly(months, meeting_rows=(), checkout_rows=()):
    """One ``Month`` per month, filled from the database's grouped rows.

    ``meeting_rows``: ``(bucket, meetings, attendance, rsvp_yes, yes_came)``;
    ``checkout_rows``: ``(bucket, count, usefulness_sum, n1..n5, one sum per cycle)``.
    A bucket outside the months is ignored; a month without rows has zeros.
    """
    result = [Month(month=m) for m in months]
    for bucket, *figures in meeting_rows:
        if _bucket(bucket, months) is not None:
            target = result[bucket]
            meetings, attendance, yes, came = (int(f or 0) for f in figures)  # PG sums: Decimal
            target.meetings += meetings
            target.attendance += attendance
            target.rsvp_yes += yes
            target.yes_came += came
    for bucket, *figures in checkout_rows:
        if _bucket(bucket, months) is None:
            continue
        target = result[bucket]
        count, total, *rest = (int(f or 0) for f in figures)
        target.checkouts += count
        target.usefulness_sum += total
        target.usefulness = [a + b for a, b in zip(target.usefulness, rest[:5], strict=True)]
        for key, value in zip(CYCLES, rest[5:], strict=True):
            target.cycles[key] += value
    return result


def totals(months: Iterable[Month]):
    total = Month()
    for month in months:
        total.add(month)
    return total


def cycle_counts(row):
    """``{cycle: count}`` from a row of five sums (None counts as 0)."""
    values = list(row or ()) + [0] * len(CYCLES)
    return {key: int(values[i] or 0) for i, key in enumerate(CYCLES)}


@dataclass
class Fairness:
    """How evenly roles went round: per role the lowest and highest count over members."""

    roles: list
    members: list
    counts: dict  # member -> {role: count}
    low: dict = field(default_factory=dict)
    high: dict = field(default_factory=dict)

    @property
    def spread(self):
        """Per role, how far apart the most and least frequent holders are."""
        return {role: self.high[role] - self.low[role] for role in self.roles}

    @property
    def max_spread(self):
        return max(self.spread.values(), default=0)

    @property
    def fair(self):
        """DESIGN's property: with stable attendance, counts differ by at most one."""
        return self.max_spread <= 1

    def row(self, member):
        return [self.counts[member].get(role, 0) for role in self.roles]


def fairness(counts_by_member_role: Mapping, roles=None):
    """Fairness of ``{member: {role: times held}}``; a role a member never held counts 0."""
    if roles is None:
        roles = sorted({role for held in counts_by_member_role.values() for role in held})
    members = list(counts_by_member_role)
    counts = {m: dict(counts_by_member_role[m]) for m in members}
    result = Fairness(list(roles), members, counts)
    for role in result.roles:
        column = [counts[m].get(role, 0) for m in members] or [0]
        result.low[role], result.high[role] = min(column), max(column)
    return result
