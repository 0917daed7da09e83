"""The value sums as pure functions: periods, month buckets, totals, means, fairness."""

from datetime import UTC, date, datetime

from hypothesis import given
from hypothesis import strategies as st

from leernet.value import aggregate
from leernet.value.aggregate import Month, Period, fairness, monthly, parse_period, totals


def test_a_period_lists_the_months_it_touches():
    period = Period(date(2025, 11, 15), date(2026, 2, 3))
    assert period.months == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]


def test_one_day_is_a_period_of_one_month():
    assert Period(date(2026, 3, 9), date(2026, 3, 9)).months == [date(2026, 3, 1)]


def test_bounds_cut_at_local_midnight_across_daylight_saving():
    bounds = Period(date(2026, 3, 1), date(2026, 4, 30)).bounds("Europe/Amsterdam")
    assert bounds == [
        datetime(2026, 2, 28, 23, tzinfo=UTC),  # CET: UTC+1
        datetime(2026, 3, 31, 22, tzinfo=UTC),  # CEST from 29 March: UTC+2
        datetime(2026, 4, 30, 22, tzinfo=UTC),  # the end day is included
    ]


def test_the_dashboard_shows_twelve_months_up_to_today():
    period = aggregate.last_months(date(2026, 3, 17), 12)
    assert period.start == date(2025, 4, 1) and period.end == date(2026, 3, 17)
    assert len(period.months) == 12


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)), st.integers(1, 60))
def test_last_months_always_has_the_asked_number_of_months(today, count):
    assert len(aggregate.last_months(today, count).months) == count


def test_parse_period_refuses_empty_reversed_invalid_and_too_long():
    assert parse_period("", "2026-01-01") == (None, aggregate.MISSING)
    assert parse_period("2026-01-01", " ") == (None, aggregate.MISSING)
    assert parse_period("2026-02-30", "2026-03-01") == (None, aggregate.INVALID)
    assert parse_period("gisteren", "vandaag") == (None, aggregate.INVALID)
    assert parse_period("0001-01-01", "2026-01-01") == (None, aggregate.INVALID)
    assert parse_period("2026-05-01", "2026-01-01") == (None, aggregate.REVERSED)
    assert parse_period("2000-01-01", "2026-01-01") == (None, aggregate.TOO_LONG)
    period, problem = parse_period("2026-01-01", "2026-12-31")
    assert problem is None and len(period.months) == 12


@given(st.text(max_size=30), st.text(max_size=30))
def test_parse_period_never_raises(start, end):
    period, problem = parse_period(start, end)
    assert (period is None) != (problem is None)


def test_monthly_fills_empty_months_and_ignores_stray_buckets():
    months = [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    meeting_rows = [(0, 2, 15, 12, 10), (2, 1, 6, 5, 5), (7, 9, 9, 9, 9), (None, 1, 1, 1, 1)]
    checkout_rows = [
        (0, 4, 15, 0, 0, 1, 2, 1, 4, 2, 1, 0, 0),
        (2, 1, 5, 0, 0, 0, 0, 1, 1, 0, 0, 0, 1),
    ]
    result = monthly(months, meeting_rows, checkout_rows)
    assert [m.meetings for m in result] == [2, 0, 1]
    assert result[1] == Month(month=date(2026, 2, 1))
    assert result[0].mean_usefulness == 3.8  # 15 / 4 rounded
    assert result[0].usefulness == [0, 0, 1, 2, 1]
    assert result[0].cycles == {
        "immediate": 4, "potential": 2, "applied": 1, "realised": 0, "reframing": 0
    }  # fmt: skip
    assert result[1].mean_usefulness is None  # no check-outs: no mean, not zero
    assert result[0].show_up == 83  # 10 of 12 who said yes came
    assert result[0].mean_attendance == 7.5


def test_totals_add_up_months_and_recompute_means():
    months = monthly(
        [date(2026, 1, 1), date(2026, 2, 1)],
        [(0, 1, 10, 10, 8), (1, 1, 4, 6, 2)],
        [(0, 2, 10, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0), (1, 2, 4, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0)],
    )
    total = totals(months)
    assert (total.meetings, total.attendance, total.rsvp_yes, total.yes_came) == (2, 14, 16, 10)
    assert total.checkouts == 4 and total.mean_usefulness == 3.5
    assert total.usefulness == [0, 2, 0, 0, 2]
    assert total.show_up == 62
    assert total.cycles["immediate"] == 2 and total.cycles["potential"] == 1


def test_totals_of_nothing_are_zero_without_dividing_by_zero():
    total = totals([])
    assert total.meetings == 0 and total.mean_usefulness is None and total.show_up is None


def test_cycle_counts_treat_missing_and_none_as_zero():
    assert aggregate.cycle_counts((1, None, 3)) == {
        "immediate": 1, "potential": 0, "applied": 3, "realised": 0, "reframing": 0
    }  # fmt: skip
    assert set(aggregate.cycle_counts(None).values()) == {0}


def test_fairness_of_an_even_rotation():
    counts = {
        "ans": {"facilitator": 2, "timekeeper": 1},
        "bo": {"facilitator": 1, "timekeeper": 2},
        "cem": {"facilitator": 2, "timekeeper": 2},
    }
    result = fairness(counts)
    assert result.roles == ["facilitator", "timekeeper"]
    assert result.spread == {"facilitator": 1, "timekeeper": 1}
    assert result.fair
    assert result.row("bo") == [1, 2]


def test_fairness_counts_a_role_never_held_as_zero():
    result = fairness({"ans": {"facilitator": 3}, "bo": {}}, roles=["facilitator", "minute_taker"])
    assert result.spread == {"facilitator": 3, "minute_taker": 0}
    assert not result.fair and result.max_spread == 3
    assert result.row("bo") == [0, 0]


def test_fairness_of_nobody_is_fair():
    result = fairness({})
    assert result.fair and result.max_spread == 0 and result.members == []


@given(
    st.dictionaries(st.integers(0, 20), st.dictionaries(st.sampled_from("abc"), st.integers(0, 9)))
)
def test_fairness_spread_is_the_range_of_each_role(counts):
    result = fairness(counts, roles=list("abc"))
    for role in "abc":
        column = [held.get(role, 0) for held in counts.values()] or [0]
        assert result.spread[role] == max(column) - min(column)
    assert result.fair == all(s <= 1 for s in result.spread.values())
