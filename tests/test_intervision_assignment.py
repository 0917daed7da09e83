"""Editing a proposal by hand: one role per person always, warnings instead of refusals."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leernet.intervision.core.assignment import AssignmentError, check, describe, reassign, swap
from leernet.intervision.core.role_history import MemberHistory, RoleRecord
from leernet.intervision.core.rotation import ROLES, Participant, propose

BASE = {"facilitator": 1, "case_bringer": 2, "timekeeper": 3, "minute_taker": None}


def holders(assignment):
    return [m for m in assignment.values() if m is not None]


def test_swap_exchanges_two_holders_and_leaves_the_input_alone():
    result = swap(BASE, "facilitator", "case_bringer")
    assert result == {"facilitator": 2, "case_bringer": 1, "timekeeper": 3, "minute_taker": None}
    assert BASE["facilitator"] == 1
    assert swap(BASE, "timekeeper", "minute_taker")["minute_taker"] == 3


def test_reassign_swaps_when_the_new_holder_had_a_role_and_frees_otherwise():
    assert reassign(BASE, "facilitator", 3) == {
        "facilitator": 3,
        "case_bringer": 2,
        "timekeeper": 1,
        "minute_taker": None,
    }
    assert reassign(BASE, "facilitator", 7)["facilitator"] == 7
    assert 1 not in holders(reassign(BASE, "facilitator", 7))
    assert reassign(BASE, "case_bringer", None)["case_bringer"] is None
    assert reassign(BASE, "minute_taker", 2) == {**BASE, "case_bringer": None, "minute_taker": 2}


def test_unknown_roles_are_refused():
    with pytest.raises(AssignmentError):
        swap(BASE, "facilitator", "chair")
    with pytest.raises(AssignmentError):
        reassign(BASE, "chair", 1)


edits = st.lists(
    st.one_of(
        st.tuples(st.just("swap"), st.sampled_from(ROLES), st.sampled_from(ROLES)),
        st.tuples(st.just("give"), st.sampled_from(ROLES), st.none() | st.integers(1, 6)),
    ),
    max_size=20,
)


@given(edits)
def test_any_sequence_of_edits_keeps_one_role_per_person(steps):
    assignment = dict(BASE)
    for kind, role, other in steps:
        edit = swap if kind == "swap" else reassign
        assignment = edit(assignment, role, other)
        assert len(holders(assignment)) == len(set(holders(assignment)))
        assert list(assignment) == list(BASE)
        warnings = check(assignment, range(1, 7), {m: MemberHistory(1, 1) for m in range(1, 7)})
        assert {w.code for w in warnings} <= {"unfilled"}


def test_check_warns_about_what_rotation_would_have_avoided():
    history = {1: MemberHistory(0, 0), 2: MemberHistory(3, 3), 3: MemberHistory(3, 3)}
    warnings = check(BASE, present=[1, 2], history=history, previous_facilitator=1, passing=[2])
    assert [(w.code, w.role, w.member_id) for w in warnings] == [
        ("newcomer_facilitates", "facilitator", 1),
        ("facilitates_again", "facilitator", 1),
        ("passing_has_role", "case_bringer", 2),
        ("not_present", "timekeeper", 3),
        ("unfilled", "minute_taker", None),
    ]
    assert check({"facilitator": 2, "case_bringer": 2}, [2], history)[0].code == "two_roles"
    fine = {"facilitator": 2, "case_bringer": 3}
    assert check(fine, [2, 3], history, previous_facilitator=1) == ()


def test_describe_keeps_the_proposal_reasons_and_marks_hand_choices():
    history = {
        1: MemberHistory(12, 12, {"facilitator": RoleRecord(1, date(2024, 3, 3))}),
        2: MemberHistory(10, 10, {"facilitator": RoleRecord(4, date(2024, 1, 1))}),
    }
    people = [Participant(1), Participant(2)]
    proposal = propose(people, ["facilitator", "case_bringer"], history)
    assert describe(proposal.assignment, history, proposal) == proposal.explanations
    edited = swap(proposal.assignment, "facilitator", "case_bringer")
    facilitator = describe(edited, history, proposal)[0]
    assert (facilitator.member_id, facilitator.reason, facilitator.times_held) == (2, "chosen", 4)
    assert facilitator.sessions == 10
