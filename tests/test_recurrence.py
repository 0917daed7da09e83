"""Recurrence: rhythms, local time across daylight saving, and re-matching a series."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from leernet.meetings import recurrence
from leernet.meetings.recurrence import MONTHS, MONTHS_LAST, WEEKS, Rule

AMS = "Europe/Amsterdam"


def rule(first, until, frequency=WEEKS, interval=1, starts=time(10), ends=time(16), tz=AMS):
    return Rule(frequency, interval, first, until, starts, ends, tz)


def test_weekly_series_keeps_ten_o_clock_local_across_both_dst_changes():
    # Tuesdays from mid-March to mid-November 2026: clocks change on 29 March and 25 October.
    series = rule(date(2026, 3, 10), date(2026, 11, 10))
    zone = ZoneInfo(AMS)
    found = recurrence.occurrences(series)
    assert len(found) == 36
    for day, start, end in found:
        assert day.weekday() == 1
        assert start.astimezone(zone).time() == time(10)
        assert end.astimezone(zone).time() == time(16)
    by_day = {day: start for day, start, _end in found}
    assert by_day[date(2026, 3, 24)].hour == 9  # winter time: UTC+1
    assert by_day[date(2026, 3, 31)].hour == 8  # summer time: UTC+2
    assert by_day[date(2026, 10, 20)].hour == 8
    assert by_day[date(2026, 10, 27)].hour == 9
    assert all(start.tzinfo == UTC for _d, start, _e in found)


def test_sunday_series_on_the_change_days_themselves():
    # The last Sunday of March and of October: a meeting at 10:00 is unaffected.
    series = rule(date(2026, 3, 29), date(2026, 10, 25), frequency=MONTHS_LAST)
    zone = ZoneInfo(AMS)
    found = recurrence.occurrences(series)
    assert found[0][0] == date(2026, 3, 29) and found[-1][0] == date(2026, 10, 25)
    assert {start.astimezone(zone).time() for _d, start, _e in found} == {time(10)}
    assert found[0][1] == datetime(2026, 3, 29, 8, tzinfo=UTC)
    assert found[-1][1] == datetime(2026, 10, 25, 9, tzinfo=UTC)


def test_every_two_months_on_the_second_tuesday():
    series = rule(date(2026, 1, 13), date(2026, 12, 31), frequency=MONTHS, interval=2)
    assert recurrence.local_dates(series) == [
        date(2026, 1, 13),
        date(2026, 3, 10),
        date(2026, 5, 12),
        date(2026, 7, 14),
        date(2026, 9, 8),
        date(2026, 11, 10),
    ]
    assert all(
        recurrence.nth_of(d) == 2 and d.weekday() == 1 for d in recurrence.local_dates(series)
    )


def test_every_four_weeks_on_thursday_starts_on_the_first_date():
    series = rule(date(2026, 3, 5), date(2026, 6, 30), interval=4)
    assert recurrence.local_dates(series) == [
        date(2026, 3, 5),
        date(2026, 4, 2),
        date(2026, 4, 30),
        date(2026, 5, 28),
        date(2026, 6, 25),
    ]


def test_a_fifth_weekday_means_the_last_one():
    # 29 January 2026 is the fifth Thursday: "every month on the 5th Thursday" would skip
    # most months, so it becomes the last Thursday.
    series = rule(date(2026, 1, 29), date(2026, 4, 30), frequency=MONTHS)
    assert series.nth == -1
    assert recurrence.local_dates(series) == [
        date(2026, 1, 29),
        date(2026, 2, 26),
        date(2026, 3, 26),
        date(2026, 4, 30),
    ]


def test_series_are_bounded():
    series = rule(date(2026, 1, 1), date(2040, 1, 1))
    assert len(recurrence.local_dates(series)) == recurrence.MAX_OCCURRENCES
    with pytest.raises(ValueError):
        recurrence.local_dates(rule(date(2026, 1, 1), date(2027, 1, 1), frequency="daily"))
    with pytest.raises(ValueError):  # the 1st is not the last Thursday: the form refuses it
        recurrence.local_dates(rule(date(2026, 1, 1), date(2027, 1, 1), frequency=MONTHS_LAST))


def test_nonexistent_local_time_is_refused_when_strict_and_shifted_otherwise():
    day = date(2026, 3, 29)  # 02:00-03:00 does not exist in Amsterdam
    with pytest.raises(recurrence.NonexistentTime):
        recurrence.to_utc(day, time(2, 30), AMS, strict=True)
    shifted = recurrence.to_utc(day, time(2, 30), AMS)
    assert shifted.astimezone(ZoneInfo(AMS)).time() == time(3, 30)
    # The repeated hour in October takes the first (summer time) reading.
    ambiguous = recurrence.to_utc(date(2026, 10, 25), time(2, 30), AMS, strict=True)
    assert ambiguous == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


@given(
    first=st.dates(min_value=date(2001, 1, 1), max_value=date(2098, 1, 1)),
    frequency=st.sampled_from(recurrence.FREQUENCIES),
    interval=st.integers(1, 12),
    hour=st.integers(0, 22),
    zone=st.sampled_from([AMS, "America/New_York", "Australia/Sydney", "UTC"]),
)
def test_every_occurrence_is_on_the_rule_at_local_wall_time(first, frequency, interval, hour, zone):
    assume(frequency != MONTHS_LAST or recurrence.is_last_of_month(first))
    series = rule(
        first, first + timedelta(days=800), frequency, interval, time(hour), time(hour + 1), zone
    )
    found = recurrence.occurrences(series)
    assert found[0][0] == first, "the first date always belongs to the series"
    assert len(found) <= recurrence.MAX_OCCURRENCES
    for day, start, end in found:
        assert day.weekday() == first.weekday()
        assert start < end
        local = start.astimezone(ZoneInfo(zone))
        assert local.date() == day
        assert local.hour in (hour, hour + 1)  # +1 only inside a spring-forward gap
    days = [d for d, _s, _e in found]
    assert days == sorted(set(days))


def test_match_keeps_rows_on_their_dates_and_moves_the_rest_in_order():
    d = [date(2026, 1, n) for n in range(1, 32)]
    old = [("a", d[0]), ("b", d[7]), ("c", d[14]), ("d", d[21])]
    # Same rhythm, one date cancelled earlier (skip): nobody's RSVP moves to another day.
    pairs, dropped, added = recurrence.match(old, [d[0], d[7], d[14], d[21], d[28]], {d[28]})
    assert pairs == old and dropped == [] and added == []
    # A new rhythm: rows move in order; surplus dates become new meetings.
    pairs, dropped, added = recurrence.match(old, [d[1], d[8], d[15], d[22], d[29]])
    assert pairs == [("a", d[1]), ("b", d[8]), ("c", d[15]), ("d", d[22])]
    assert dropped == [] and added == [d[29]]
    # Fewer dates: surplus rows are dropped, a row already on a date keeps it.
    pairs, dropped, added = recurrence.match(old, [d[7], d[9]])
    assert pairs == [("b", d[7]), ("a", d[9])] and dropped == ["c", "d"] and added == []
