"""Groups for the day: balanced, 3 to 8 people, and "mix" keeps last time's pairs apart."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leernet.intervision.core.grouping import (
    GroupingError,
    form_groups,
    group_count,
    pairs_of,
    repeats,
)

people_lists = st.lists(st.integers(1, 10_000), min_size=3, max_size=60, unique=True)


def check_balanced(groups, people):
    placed = [p for g in groups for p in g]
    assert sorted(placed) == sorted(people), "everyone exactly once"
    sizes = [len(g) for g in groups]
    assert all(3 <= size <= 8 for size in sizes), sizes
    assert max(sizes) - min(sizes) <= 1, sizes


@settings(max_examples=200, deadline=None)
@given(people_lists, st.integers(1, 12), st.booleans())
def test_groups_are_balanced_and_hold_three_to_eight(people, size, mix):
    groups = form_groups(people, size, [people[: len(people) // 2]], mix)
    check_balanced(groups, people)


@settings(max_examples=150, deadline=None)
@given(people_lists, st.integers(3, 8), st.data())
def test_mix_never_repeats_more_pairs_than_plain_dealing(people, size, data):
    shuffled = data.draw(st.permutations(people))
    cut = data.draw(st.lists(st.integers(1, len(people) - 1), max_size=6, unique=True))
    bounds = [0, *sorted(cut), len(people)]
    previous = [shuffled[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if b > a]
    last = pairs_of(previous)
    mixed = form_groups(people, size, previous, mix=True)
    plain = form_groups(people, size, previous, mix=False)
    check_balanced(mixed, people)
    assert repeats(mixed, last) <= repeats(plain, last)


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 6), st.integers(3, 8), st.data())
def test_mix_avoids_every_pairing_when_there_are_enough_groups(groups_before, size, data):
    """Last time's groups each had no more people than there are groups now: no repeats."""
    people = list(range(1, groups_before * size + 1))
    previous = [people[i::groups_before] for i in range(groups_before)]
    count = group_count(len(people), size)
    if max(len(g) for g in previous) > count:
        return
    mixed = form_groups(data.draw(st.permutations(people)), size, previous, mix=True)
    assert repeats(mixed, pairs_of(previous)) == 0


def test_the_wished_size_decides_the_number_of_groups():
    assert group_count(12, 4) == 3
    assert group_count(12, 6) == 2
    assert group_count(5, 4) == 1  # one group of five rather than a group of one
    assert group_count(17, 8) == 3  # two groups would hold nine
    assert group_count(9, 1) == 3  # never below three people a group


def test_too_few_people_is_said_plainly():
    with pytest.raises(GroupingError):
        form_groups([1, 2], 4)
    with pytest.raises(GroupingError):
        form_groups([], 4)


def test_same_people_same_groups():
    people = list(range(1, 14))
    previous = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12, 13]]
    assert form_groups(people, 4, previous, True) == form_groups(people, 4, previous, True)
    # Old groups of 4, 4 and 5 over 3 new groups: 1 + 1 + 2 repeats cannot be avoided.
    assert repeats(form_groups(people, 4, previous, True), pairs_of(previous)) == 4
