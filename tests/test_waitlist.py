"""The waiting list: first come, first served; a freed place moves the queue up."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from leernet.meetings.waitlist import Entry, position, settle

T0 = datetime(2026, 5, 1, 9, tzinfo=UTC)


def at(minutes):
    return T0 + timedelta(minutes=minutes)


def test_new_yeses_fill_the_places_then_wait_in_order():
    entries = [Entry(1, at(0), True), Entry(2, at(1), True), Entry(3, at(2), True)]
    result = settle(entries, capacity=2)
    assert result.confirmed == [1, 2] and result.waiting == [3]
    assert result.promoted == [1, 2]
    assert position(result, 3) == 1 and position(result, 1) is None


def test_a_drop_moves_the_first_waiting_person_up():
    entries = [Entry(1, at(0), False), Entry(3, at(5), True), Entry(4, at(3), True)]
    result = settle(entries, capacity=2)  # member 2 dropped out: one place is free
    assert result.promoted == [4], "the earliest yes on the waiting list moves up"
    assert result.confirmed == [1, 4] and result.waiting == [3]


def test_confirmed_people_keep_their_place_and_no_limit_takes_everyone():
    entries = [Entry(1, at(0), False), Entry(2, at(1), False), Entry(3, at(2), True)]
    assert settle(entries, capacity=1).confirmed == [1, 2]  # nobody is bumped
    assert settle(entries, capacity=None).promoted == [3]


answers = st.lists(
    st.tuples(st.integers(0, 500), st.booleans()), min_size=0, max_size=30, unique_by=lambda a: a[0]
)


@given(answers, st.one_of(st.none(), st.integers(1, 20)))
def test_settle_properties(raw, capacity):
    entries = [Entry(uid, at(uid % 37), waiting) for uid, waiting in raw]
    result = settle(entries, capacity)
    ids = {e.user_id for e in entries}
    assert set(result.confirmed) | set(result.waiting) == ids
    assert not set(result.confirmed) & set(result.waiting)
    before = [e.user_id for e in entries if not e.waiting]
    assert set(before) <= set(result.confirmed), "a place once given is never taken away"
    if capacity is None:
        assert result.waiting == []
    else:
        assert len(result.confirmed) <= max(capacity, len(before))
        if result.waiting:
            assert len(result.confirmed) >= capacity, "nobody waits while a place is free"
    queue = sorted((e for e in entries if e.waiting), key=lambda e: (e.said_yes_at, e.user_id))
    assert result.promoted + result.waiting == [e.user_id for e in queue], (
        "first come, first served"
    )
    again = settle(
        [Entry(e.user_id, e.said_yes_at, e.user_id in result.waiting) for e in entries], capacity
    )
    assert again.promoted == [] and again.waiting == result.waiting, (
        "settling twice changes nothing"
    )
