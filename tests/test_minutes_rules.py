"""The minutes' rules (who reads, writes, approves) and the readable diff, without Flask."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leernet.minutes import diff, rules
from leernet.minutes.rules import APPROVED, ATTENDEES, DRAFT, NETWORK, PARTICIPANTS, SHARED

S = rules.Standing
MEMBER = S()
PERSON = S(person=True)
TAKER = S(taker=True, person=True)
HOST = S(manager=True)
COORDINATOR = S(coordinator=True, manager=True)
GONE = S(active=False, person=True, taker=True)

READ = [
    # (standing, state, visibility, may read?)
    (MEMBER, DRAFT, NETWORK, False),
    (PERSON, DRAFT, ATTENDEES, False),
    (TAKER, DRAFT, ATTENDEES, True),
    (HOST, DRAFT, ATTENDEES, True),
    (MEMBER, SHARED, NETWORK, True),
    (MEMBER, SHARED, ATTENDEES, False),
    (PERSON, SHARED, ATTENDEES, True),
    (S(coordinator=True), SHARED, ATTENDEES, True),
    (S(coordinator=True), APPROVED, PARTICIPANTS, False),
    (COORDINATOR, SHARED, PARTICIPANTS, False),
    (PERSON, APPROVED, PARTICIPANTS, True),
    (S(manager=True, person=True), DRAFT, PARTICIPANTS, True),
    (GONE, SHARED, NETWORK, False),
]


@pytest.mark.parametrize(("standing", "state", "visibility", "expected"), READ)
def test_who_reads(standing, state, visibility, expected):
    assert rules.may_read(standing, state, visibility) is expected


WRITE = [
    (TAKER, DRAFT, True),
    (HOST, DRAFT, True),
    (PERSON, DRAFT, False),
    (PERSON, SHARED, True),
    (MEMBER, SHARED, False),  # network-wide minutes are read by all, amended by attendees
    (S(coordinator=True), SHARED, False),
    (TAKER, APPROVED, False),
    (HOST, APPROVED, False),
]


@pytest.mark.parametrize(("standing", "state", "expected"), WRITE)
def test_who_writes(standing, state, expected):
    assert rules.may_write(standing, state, NETWORK) is expected


def test_lifecycle_steps_belong_to_the_right_people():
    assert rules.may_share(TAKER, DRAFT, ATTENDEES)
    assert not rules.may_share(PERSON, SHARED, ATTENDEES)
    assert rules.may_approve(HOST, SHARED, ATTENDEES)
    assert not rules.may_approve(HOST, DRAFT, ATTENDEES)  # share first
    assert not rules.may_approve(TAKER, SHARED, ATTENDEES)
    assert rules.may_unlock(HOST, APPROVED, ATTENDEES)
    assert not rules.may_unlock(HOST, SHARED, ATTENDEES)
    assert not rules.may_unlock(COORDINATOR, APPROVED, PARTICIPANTS)  # cannot even read them
    assert rules.may_start(PERSON, ATTENDEES) and rules.may_start(HOST, ATTENDEES)
    assert not rules.may_start(MEMBER, NETWORK)
    assert not rules.may_start(COORDINATOR, PARTICIPANTS)


def test_readers_for_search():
    assert rules.readers(NETWORK, {1}) is None
    assert rules.readers(ATTENDEES, {1, 2}, taker=3, managers={4}, coordinators={5}) == {
        1,
        2,
        3,
        4,
        5,
    }
    assert rules.readers(PARTICIPANTS, {1}, taker=2, managers={4}, coordinators={5}) == {1, 2}


def test_diff_marks_changed_words_and_folds_unchanged_lines():
    old = "\n".join(f"regel {n}" for n in range(20)) + "\nWe besluiten het zo."
    new = "\n".join(f"regel {n}" for n in range(20)) + "\nWe besluiten het anders.\nNieuw punt"
    result = diff.diff(old, new)
    assert (result.added, result.removed) == (2, 1)
    kinds = [line.kind for line in result.lines]
    assert kinds[0] == diff.GAP and result.lines[0].skipped == 18
    removed = next(line for line in result.lines if line.kind == diff.REMOVED)
    added = [line for line in result.lines if line.kind == diff.ADDED]
    assert (True, "zo") in removed.pieces and (True, "anders") in added[0].pieces
    assert added[1].text == "Nieuw punt"
    assert not diff.diff("gelijk", "gelijk").changed


lines = st.lists(st.sampled_from(["a", "b", "c", "Dit is een zin.", "", "- punt"]), max_size=12)


@given(lines, lines)
def test_diff_keeps_both_texts(old, new):
    """Unchanged plus removed lines give the old text; unchanged plus added, the new."""
    result = diff.diff("\n".join(old), "\n".join(new), context=None)
    assert [x.text for x in result.lines if x.kind != diff.ADDED] == "\n".join(old).splitlines()
    assert [x.text for x in result.lines if x.kind != diff.REMOVED] == "\n".join(new).splitlines()
    assert diff.counts("\n".join(old), "\n".join(new)) == (result.added, result.removed)


def test_a_huge_line_is_not_compared_word_by_word():
    result = diff.diff("x " * 30_000, "y " * 30_000)
    assert (result.added, result.removed) == (1, 1)
