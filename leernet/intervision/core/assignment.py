"""Editing a proposed assignment by hand, before the session starts.

The room has the last word: a proposal is a suggestion, and the facilitator may swap
roles or hand one to someone else. These helpers keep the one rule that is never
negotiable (one role per person) and report, rather than forbid, what the rotation
would have avoided (a newcomer facilitating, the same facilitator twice in a row, a
role for someone who passed), so the view can warn without blocking a considered choice.
An assignment is a plain ``{role: member_id or None}`` dict; the functions return new
dicts and never change their input.
"""

from collections.abc import Iterable, Mapping

from .role_history import NO_HISTORY, MemberHistory
from .rotation import CHOSEN, FACILITATOR, Explanation, Problem, Proposal

# Warning codes of ``check`` (the view translates them).
UNFILLED = "unfilled"
NOT_PRESENT = "not_present"
PASSING_HAS_ROLE = "passing_has_role"
TWO_ROLES = "two_roles"
NEWCOMER_FACILITATES = "newcomer_facilitates"
FACILITATES_AGAIN = "facilitates_again"


class AssignmentError(ValueError):
    """An edit that names a role the method does not have."""


def _known(assignment, *roles):
    for role in roles:
        if role not in assignment:
            raise AssignmentError(f"unknown role: {role}")


def swap(assignment: Mapping[str, int | None], role_a: str, role_b: str) -> dict:
    """Exchange the holders of two roles."""
    _known(assignment, role_a, role_b)
    result = dict(assignment)
    result[role_a], result[role_b] = assignment[role_b], assignment[role_a]
    return result


def reassign(assignment: Mapping[str, int | None], role: str, member_id: int | None) -> dict:
    """Give ``role`` to ``member_id`` (None empties it).

    If that member already holds another role, the two people swap roles; otherwise
    the previous holder is simply freed. Either way, one role per person.
    """
    _known(assignment, role)
    result = dict(assignment)
    current = next((r for r, m in assignment.items() if m == member_id and m is not None), None)
    if current is not None:
        result[current] = assignment[role]
    result[role] = member_id
    return result


def check(
    assignment: Mapping[str, int | None],
    present: Iterable[int],
    history: Mapping[int, MemberHistory] | None = None,
    *,
    previous_facilitator: int | None = None,
    passing: Iterable[int] = (),
) -> tuple[Problem, ...]:
    """Warnings about an assignment (typically a hand-edited one), in role order."""
    history = history or {}
    present, passing = set(present), set(passing)
    warnings = []
    seen = set()
    for role, member in assignment.items():
        if member is not None and member in seen:
            warnings.append(Problem(TWO_ROLES, role=role, member_id=member))
        seen.add(member)
        if member is None:
            warnings.append(Problem(UNFILLED, role=role))
        elif member not in present:
            warnings.append(Problem(NOT_PRESENT, role=role, member_id=member))
        elif member in passing:
            warnings.append(Problem(PASSING_HAS_ROLE, role=role, member_id=member))
        if member is None or role != FACILITATOR:
            continue
        if history.get(member, NO_HISTORY).sessions_ever == 0:
            warnings.append(Problem(NEWCOMER_FACILITATES, role=role, member_id=member))
        if member == previous_facilitator:
            warnings.append(Problem(FACILITATES_AGAIN, role=role, member_id=member))
    return tuple(warnings)


def describe(
    assignment: Mapping[str, int | None],
    history: Mapping[int, MemberHistory] | None = None,
    proposal: Proposal | None = None,
) -> tuple[Explanation, ...]:
    """Explanations for an assignment: the proposal's where it was kept, otherwise
    the plain numbers with reason ``chosen`` (set by hand)."""
    history = history or {}
    explanations = []
    for role, member in assignment.items():
        if member is None:
            continue
        kept = proposal.explanation(role) if proposal else None
        if kept is not None and kept.member_id == member:
            explanations.append(kept)
            continue
        past = history.get(member, NO_HISTORY)
        record = past.record(role)
        explanations.append(
            Explanation(role, member, record.times, past.sessions, record.last, CHOSEN)
        )
    return tuple(explanations)
