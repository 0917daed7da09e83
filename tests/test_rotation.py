"""Fair role rotation: properties over many sessions, an exhaustive oracle, examples."""

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leernet.intervision.core.role_history import Attendance, MemberHistory, RoleRecord, tally
from leernet.intervision.core.rotation import (
    CASE_BRINGER,
    FACILITATOR,
    NO_ELIGIBLE_FACILITATOR,
    ROLES,
    TIMEKEEPER,
    TOO_FEW_PARTICIPANTS,
    Participant,
    propose,
)

START = date(2024, 1, 8)
role_lists = st.lists(st.sampled_from(ROLES), min_size=1, max_size=4, unique=True)


def people_from(ids, names):
    return [Participant(member, (name,)) for member, name in zip(ids, names, strict=True)]


def check_constraints(proposal, people, roles, history, previous, volunteers, passing):
    """Every rule that must hold for any proposal, whatever the input."""
    assignment = proposal.assignment
    assert list(assignment) == list(roles)
    holders = [member for member in assignment.values() if member is not None]
    assert len(holders) == len(set(holders)), "one role per person"
    available = {p.id for p in people} - set(passing)
    assert set(holders) <= available, "only people present and not passing get a role"
    experienced = {m for m in available if history.get(m, MemberHistory()).sessions_ever > 0}
    facilitator = assignment.get(FACILITATOR)
    assert facilitator is None or facilitator in experienced, "a newcomer never facilitates"
    if facilitator is not None and facilitator == previous:
        assert experienced == {previous}, "facilitates twice in a row although others can"
    if FACILITATOR in roles and facilitator is None and available:
        assert not experienced or len(available) < len(roles)
    wanted = available & set(volunteers)
    if CASE_BRINGER in roles and wanted and assignment[CASE_BRINGER] not in volunteers:
        assert wanted <= set(holders), "a free volunteer was skipped"
    if len(available) < len(roles):
        codes = {p.code: p for p in proposal.problems}
        assert codes[TOO_FEW_PARTICIPANTS].needed == len(roles)
        assert codes[TOO_FEW_PARTICIPANTS].available == len(available)
    if proposal.unfilled:
        assert proposal.problems, "a gap is never silent"
    else:
        assert proposal.ok
    assert [e.role for e in proposal.explanations] == [r for r in roles if assignment[r]]
    for explanation in proposal.explanations:
        past = history.get(explanation.member_id, MemberHistory())
        assert explanation.times_held == past.record(explanation.role).times
        assert explanation.last_held == past.record(explanation.role).last
        assert explanation.sessions == past.sessions


def best_profile(people, roles, history, previous, volunteers, passing):
    """Brute force over every assignment: the best reachable constraint profile."""
    available = [p.id for p in people if p.id not in set(passing)]
    best = None
    for chosen in itertools.product([None, *available], repeat=len(roles)):
        holders = [m for m in chosen if m is not None]
        if len(holders) != len(set(holders)):
            continue
        assignment = dict(zip(roles, chosen, strict=True))
        fac = assignment.get(FACILITATOR)
        if fac is not None and history.get(fac, MemberHistory()).sessions_ever == 0:
            continue
        best = min(best or (99,), profile(assignment, roles, previous, volunteers, available))
    return best


def profile(assignment, roles, previous, volunteers, available):
    missing = tuple(int(assignment[r] is None) for r in roles)
    repeat = int(assignment.get(FACILITATOR) is not None and assignment[FACILITATOR] == previous)
    wanted = set(volunteers) & set(available)
    case = assignment.get(CASE_BRINGER)
    missed = int(bool(wanted) and case is not None and case not in wanted)
    return (sum(missing), missing, repeat, missed)


@st.composite
def scenarios(draw, max_people=6):
    ids = draw(st.lists(st.integers(1, 50), max_size=max_people, unique=True))
    names = draw(st.lists(st.sampled_from("abc"), min_size=len(ids), max_size=len(ids)))
    roles = draw(role_lists)
    record = st.builds(
        RoleRecord, st.integers(0, 4), st.none() | st.dates(START, START + timedelta(days=90))
    )
    history = {
        member: MemberHistory(
            draw(st.integers(0, 10)),
            draw(st.integers(0, 2)),
            draw(st.dictionaries(st.sampled_from(ROLES), record)),
        )
        for member in ids
    }
    previous = draw(st.none() | st.sampled_from([*ids, 99]))
    volunteers = draw(st.sets(st.sampled_from(ids))) if ids else set()
    passing = draw(st.sets(st.sampled_from(ids))) if ids else set()
    return people_from(ids, names), roles, history, previous, volunteers, passing


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_every_constraint_holds_and_the_profile_is_the_best_reachable(scenario):
    people, roles, history, previous, volunteers, passing = scenario
    proposal = propose(
        people,
        roles,
        history,
        previous_facilitator=previous,
        volunteers=volunteers,
        passing=passing,
    )
    check_constraints(proposal, people, roles, history, previous, volunteers, passing)
    available = [p.id for p in people if p.id not in passing]
    got = profile(proposal.assignment, roles, previous, volunteers, available)
    assert got == best_profile(people, roles, history, previous, volunteers, passing)


def run_sessions(kickoff, roles, sessions, attend, volunteers=None, passing=None):
    """Play ``sessions`` meetings after a kick-off (no roles) attended by ``kickoff``,
    recording what was held; yield each proposal with its inputs."""
    rows = [Attendance(p.id, START - timedelta(days=7)) for p in kickoff]
    previous = None
    for number in range(sessions):
        present = attend(number)
        history = tally(rows)
        wish = volunteers(number) if volunteers else set()
        out = passing(number) if passing else set()
        proposal = propose(
            present, roles, history, previous_facilitator=previous, volunteers=wish, passing=out
        )
        yield proposal, present, history, previous, wish, out
        held_on = START + timedelta(days=7 * number)
        by_member = {m: r for r, m in proposal.assignment.items() if m is not None}
        rows += [Attendance(p.id, held_on, by_member.get(p.id)) for p in present]
        previous = proposal.assignment.get(FACILITATOR, previous)


@settings(max_examples=60, deadline=None)
@given(
    st.integers(3, 8).flatmap(
        lambda size: st.tuples(
            st.lists(st.integers(1, 500), min_size=size, max_size=size, unique=True),
            st.lists(st.sampled_from("abcd"), min_size=size, max_size=size),
        )
    ),
    st.lists(st.sampled_from(ROLES), min_size=2, max_size=4, unique=True),
)
def test_stable_attendance_keeps_every_role_within_one(group, roles):
    """The brief asks for groups of 4-8; 3 is included because a greedy pass fails there."""
    people = people_from(*group)
    roles = roles[: len(people)]
    counts = {(p.id, role): 0 for p in people for role in roles}
    for proposal, *_ in run_sessions(people, roles, 60, lambda _: people):
        assert proposal.ok
        for role, member in proposal.assignment.items():
            counts[(member, role)] += 1
        for role in roles:
            held = [counts[(p.id, role)] for p in people]
            assert max(held) - min(held) <= 1, (role, held)


@settings(max_examples=40, deadline=None)
@given(st.data(), role_lists)
def test_random_attendance_keeps_every_rule_each_session(data, roles):
    members = people_from(range(1, 10), "abcabcabc")
    joined = {p.id: data.draw(st.integers(0, 12)) for p in members}

    def attend(number):
        eligible = [p for p in members if joined[p.id] <= number]
        return data.draw(st.lists(st.sampled_from(eligible), unique=True)) if eligible else []

    def subset(number):
        return data.draw(st.sets(st.sampled_from(range(1, 10)), max_size=3))

    kickoff = [p for p in members if joined[p.id] == 0]
    sessions = run_sessions(kickoff, roles, 15, attend, volunteers=subset, passing=subset)
    for proposal, present, history, previous, wish, out in sessions:
        check_constraints(proposal, present, roles, history, previous, wish, out)


def test_no_eligible_facilitator_is_said_plainly():
    people = [Participant(1), Participant(2)]
    proposal = propose(people, [FACILITATOR, CASE_BRINGER], {})
    assert proposal.assignment == {FACILITATOR: None, CASE_BRINGER: 1}
    assert [p.code for p in proposal.problems] == [NO_ELIGIBLE_FACILITATOR]
    assert proposal.unfilled == (FACILITATOR,)


def member(sessions=12, ever=None, **roles):
    records = {role: RoleRecord(*value) for role, value in roles.items()}
    return MemberHistory(sessions, sessions if ever is None else ever, records)


def test_explanation_carries_the_numbers_to_say_why():
    history = {
        1: member(12, facilitator=(1, date(2024, 3, 3))),
        2: member(10, facilitator=(2, date(2024, 1, 1))),
    }
    proposal = propose([Participant(2), Participant(1)], [FACILITATOR], history)
    explanation = proposal.explanation(FACILITATOR)
    assert proposal.assignment == {FACILITATOR: 1}
    assert (explanation.member_id, explanation.reason, explanation.runner_up) == (
        1,
        "least_often",
        2,
    )
    assert (explanation.times_held, explanation.sessions, explanation.last_held) == (
        1,
        12,
        date(2024, 3, 3),
    )


def test_equal_counts_go_to_longest_ago_and_never_is_longest():
    history = {
        1: member(facilitator=(1, date(2024, 3, 3))),
        2: member(facilitator=(1, date(2024, 1, 1))),
        3: member(case_bringer=(1, date(2024, 2, 2))),
    }
    history[2] = member(facilitator=(1, date(2024, 1, 1)), case_bringer=(0, date(2023, 1, 1)))
    people = [Participant(i) for i in (1, 2, 3)]
    facilitator = propose(people[:2], [FACILITATOR], history).explanation(FACILITATOR)
    assert (facilitator.member_id, facilitator.reason) == (2, "longest_ago")
    case = propose(people, [CASE_BRINGER], history).explanation(CASE_BRINGER)
    assert (case.member_id, case.reason, case.last_held) == (1, "longest_ago", None)


def test_ties_go_to_the_least_busy_then_the_stable_order():
    history = {1: member(minute_taker=(2, date(2024, 1, 1))), 2: member(), 3: member()}
    people = [Participant(3, ("cor",)), Participant(2, ("bram",)), Participant(1, ("anna",))]
    first = propose(people, [FACILITATOR], history).explanation(FACILITATOR)
    assert (first.member_id, first.reason, first.runner_up) == (1, "tiebreak", 2)
    busy = {1: member(case_bringer=(2, date(2024, 1, 1))), 2: member(case_bringer=(1, None))}
    proposal = propose(people, [CASE_BRINGER, FACILITATOR], busy)
    assert proposal.assignment == {CASE_BRINGER: 3, FACILITATOR: 2}
    fewer = proposal.explanation(FACILITATOR)
    assert (fewer.reason, fewer.runner_up) == ("fewer_roles", 1)
    assert propose(list(reversed(people)), [FACILITATOR], history).assignment == {FACILITATOR: 1}


def test_volunteer_brings_the_case_even_when_others_held_it_less():
    history = {1: member(case_bringer=(5, date(2024, 1, 1))), 2: member(), 3: member()}
    people = [Participant(i) for i in (1, 2, 3)]
    proposal = propose(people, [FACILITATOR, CASE_BRINGER], history, volunteers={1})
    assert proposal.assignment[CASE_BRINGER] == 1
    assert proposal.explanation(CASE_BRINGER).reason == "volunteer"


def test_passing_member_gets_nothing_and_a_newcomer_does_not_facilitate():
    history = {1: member(), 2: member(), 3: member(0, 0)}
    people = [Participant(i) for i in (1, 2, 3)]
    proposal = propose(people, [FACILITATOR, CASE_BRINGER], history, passing={1})
    assert proposal.assignment == {FACILITATOR: 2, CASE_BRINGER: 3}
    assert proposal.explanation(FACILITATOR).reason == "only_candidate"


def test_the_one_left_for_a_role_is_not_called_the_only_one_who_could_take_it():
    history = {1: member(), 2: member(), 3: member()}
    people = [Participant(i) for i in (1, 2, 3)]
    proposal = propose(people, [FACILITATOR, CASE_BRINGER, TIMEKEEPER], history)
    last = list(proposal.assignment)[-1]
    assert proposal.explanation(last).reason == "left_over"


def test_no_one_facilitates_twice_even_if_a_volunteer_must_step_in():
    """Repeat-avoidance outranks the wish to bring a case: the volunteer facilitates."""
    history = {1: member(), 2: member(), 3: member(0, 0)}
    people = [Participant(i) for i in (1, 2, 3)]
    roles = [FACILITATOR, CASE_BRINGER]
    proposal = propose(people, roles, history, previous_facilitator=1, volunteers={2})
    assert proposal.assignment == {FACILITATOR: 2, CASE_BRINGER: 1}
    alone = propose(people, roles, history, previous_facilitator=1, passing={2})
    assert alone.assignment == {FACILITATOR: 1, CASE_BRINGER: 3}
    assert alone.explanation(FACILITATOR).reason == "no_one_else"


def test_the_only_experienced_volunteer_facilitates_rather_than_leave_it_empty():
    history = {1: member(), 2: member(0, 0), 3: member(0, 0)}
    people = [Participant(i) for i in (1, 2, 3)]
    proposal = propose(people, [CASE_BRINGER, FACILITATOR], history, volunteers={1})
    assert proposal.assignment == {CASE_BRINGER: 2, FACILITATOR: 1}
    assert proposal.ok


def test_too_few_people_leaves_the_lowest_roles_open_and_says_so():
    history = {1: member(), 2: member()}
    proposal = propose([Participant(1), Participant(2)], ROLES, history)
    assert proposal.unfilled == ("timekeeper", "minute_taker")
    assert [(p.code, p.needed, p.available) for p in proposal.problems] == [
        (TOO_FEW_PARTICIPANTS, 4, 2)
    ]
    assert not proposal.ok
    assert propose([], ROLES).unfilled == ROLES


def test_a_method_cannot_list_a_role_twice():
    with pytest.raises(ValueError):
        propose([Participant(1)], [FACILITATOR, FACILITATOR])


def test_tally_counts_roles_in_the_window_and_sessions_ever():
    rows = [
        Attendance(1, date(2023, 1, 1), FACILITATOR),
        Attendance(1, date(2024, 2, 1), FACILITATOR),
        Attendance(1, date(2024, 3, 3), FACILITATOR),
        Attendance(1, date(2024, 1, 1), None),
        Attendance(2, date(2024, 2, 1), CASE_BRINGER),
        Attendance(3, date(2022, 2, 1), CASE_BRINGER),
    ]
    history = tally(rows, since=date(2024, 1, 1))
    assert history[1] == MemberHistory(3, 4, {FACILITATOR: RoleRecord(2, date(2024, 3, 3))})
    assert history[2].record(CASE_BRINGER) == RoleRecord(1, date(2024, 2, 1))
    assert history[3] == MemberHistory(0, 1, {})
    assert tally(rows)[1].record(FACILITATOR) == RoleRecord(3, date(2024, 3, 3))
    assert 4 not in history
