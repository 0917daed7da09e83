"""Fair role rotation: propose who holds which role in one intervision session.

Fairness is over the recorded history (``role_history.tally``), so it survives people
missing meetings and groups being reshuffled. Each role goes to the eligible
participant who held it least (in the caller's window), then longest ago (never =
longest ago), then a stable tiebreak: fewest roles of this method overall, then
``Participant.sort_key``, then id. Above fairness, in this order: fill as many roles as
possible (higher-priority roles first); a newcomer never facilitates their first
session; no one facilitates twice in a row when someone else can; a volunteer brings
the case when there is one. Someone who passes gets no role.

Why a search and not a greedy pass: greedy role-by-role lets the facilitator take the
one person every other role was waiting for, and then counts drift apart for good
(five people, two roles: counts differ by two within ten sessions). So among the
assignments with the best constraint profile we take the one whose holders exceed the
role's lowest count by the least in total, then the first in fairness order (roles in
priority order). With stable attendance this keeps every role's counts within one of
each other (``tests/test_rotation.py`` proves it). Each role only considers its
``len(roles)`` best candidates, which is enough (anyone further down can be swapped for
a better free one), so the search stays tiny whatever the group size.

The proposal explains itself with data, not prose: the view turns the reason code and
numbers into "facilitated 1 of 12 sessions, last on 3 March" in the reader's language.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .role_history import NO_HISTORY, MemberHistory

FACILITATOR = "facilitator"
CASE_BRINGER = "case_bringer"
TIMEKEEPER = "timekeeper"
MINUTE_TAKER = "minute_taker"
ROLES = (FACILITATOR, CASE_BRINGER, TIMEKEEPER, MINUTE_TAKER)

# Reason codes of an Explanation (the view translates them).
LEAST_OFTEN = "least_often"  # held it fewer times than the runner-up
LONGEST_AGO = "longest_ago"  # as often as the runner-up, but longer ago (or never)
FEWER_ROLES = "fewer_roles"  # equal on both, but held fewer roles overall
TIEBREAK = "tiebreak"  # equal on all of that; the stable order decided
VOLUNTEER = "volunteer"  # volunteered to bring a case
ONLY_CANDIDATE = "only_candidate"  # nobody else could take this role
LEFT_OVER = "left_over"  # others could, but they already had a role when this was decided
NO_ONE_ELSE = "no_one_else"  # facilitated last time too, but nobody else can
NEEDED_ELSEWHERE = "needed_elsewhere"  # the runner-up was needed for another role
CHOSEN = "chosen"  # set by hand (see ``assignment``)

# Problem codes of a Proposal.
TOO_FEW_PARTICIPANTS = "too_few_participants"
NO_ELIGIBLE_FACILITATOR = "no_eligible_facilitator"


@dataclass(frozen=True)
class Participant:
    """Someone present. ``sort_key`` (e.g. ``(name.casefold(),)``) makes ties stable."""

    id: int
    sort_key: tuple = ()


@dataclass(frozen=True)
class Explanation:
    """Why ``member_id`` got ``role``, with the numbers to say so.

    ``runner_up`` is the candidate the choice was decided against (None for
    volunteer/only_candidate/left_over/no_one_else/chosen).
    """

    role: str
    member_id: int
    times_held: int
    sessions: int
    last_held: date | None
    reason: str
    runner_up: int | None = None


@dataclass(frozen=True)
class Problem:
    """What the people in the room must resolve, said plainly: e.g. ``needed`` 4
    people for the roles, ``available`` 3; ``role``/``member_id`` when it is about one."""

    code: str
    needed: int = 0
    available: int = 0
    role: str | None = None
    member_id: int | None = None


@dataclass(frozen=True, eq=False)
class Proposal:
    """``assignment`` maps every role (in priority order) to a member id or None.

    A role left at None always comes with a ``Problem``: never a silent gap.
    """

    assignment: dict
    explanations: tuple[Explanation, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self):
        return not self.problems

    @property
    def unfilled(self):
        return tuple(role for role, member in self.assignment.items() if member is None)

    def explanation(self, role):
        return next((e for e in self.explanations if e.role == role), None)


class _Context:
    """Everything one proposal needs to rank candidates, computed once per call."""

    def __init__(self, participants, roles, history, previous, volunteers, passing):
        self.roles = tuple(roles)
        if len(set(self.roles)) != len(self.roles):
            raise ValueError("a role appears twice")
        self.history = history or {}
        self.previous = previous
        passing = set(passing)
        unique = {p.id: p for p in participants}
        people = sorted(unique.values(), key=lambda p: (p.sort_key, p.id))
        self.available = [p for p in people if p.id not in passing]
        self.volunteers = frozenset(volunteers) & {p.id for p in self.available}
        self.ranked = {role: self._rank(role) for role in self.roles}

    def past(self, member_id) -> MemberHistory:
        return self.history.get(member_id, NO_HISTORY)

    def newcomer(self, member_id):
        return self.past(member_id).sessions_ever == 0

    def tier(self, role, member_id):
        """0 = as wished; 1 = allowed but avoided (repeat facilitator, non-volunteer)."""
        if role == FACILITATOR:
            return int(member_id == self.previous)
        if role == CASE_BRINGER and self.volunteers:
            return int(member_id not in self.volunteers)
        return 0

    def _rank(self, role):
        """Eligible (person, key) pairs for ``role``, best first."""
        ranked = []
        for person in self.available:
            if role == FACILITATOR and self.newcomer(person.id):
                continue
            past = self.past(person.id)
            record = past.record(role)
            last = (0, date.min) if record.last is None else (1, record.last)
            load = past.roles_held(self.roles)
            key = (self.tier(role, person.id), record.times, last, load, person.sort_key)
            ranked.append((person.id, (*key, person.id)))
        return sorted(ranked, key=lambda pair: pair[1])


def propose(
    participants: Iterable[Participant],
    roles: Iterable[str],
    history: Mapping[int, MemberHistory] | None = None,
    *,
    previous_facilitator: int | None = None,
    volunteers: Iterable[int] = (),
    passing: Iterable[int] = (),
) -> Proposal:
    """Propose a fair assignment of ``roles`` (priority order) among ``participants``."""
    ctx = _Context(participants, roles, history, previous_facilitator, volunteers, passing)
    assignment = dict(zip(ctx.roles, _search(ctx), strict=True))
    return Proposal(assignment, _explain(ctx, assignment), _problems(ctx, assignment))


def _search(ctx):
    """Depth-first in fairness order; keep the cheapest leaf, stop at a perfect one."""
    width = len(ctx.roles)
    options = [ctx.ranked[role][:width] + [(None, None)] for role in ctx.roles]
    floors = [ranked[0][1][1] if ranked[0][0] is not None else 0 for ranked in options]
    perfect = (0, (0,) * width, 0, 0, 0)
    best = [None, (None,) * width]
    chosen = []

    def cost():
        missing = tuple(int(member is None) for member, _ in chosen)
        profile = [sum(missing), missing, 0, 0]
        excess = 0
        for role, (member, key), floor in zip(ctx.roles, chosen, floors, strict=True):
            if member is None:
                continue
            excess += key[1] - floor
            if role in (FACILITATOR, CASE_BRINGER):
                profile[2 if role == FACILITATOR else 3] += key[0]
        return (*profile, excess)

    def visit(depth):
        if depth == width:
            leaf = cost()
            if best[0] is None or leaf < best[0]:
                best[:] = [leaf, tuple(member for member, _ in chosen)]
            return leaf == perfect
        taken = {member for member, _ in chosen}
        for member, key in options[depth]:
            if member is not None and member in taken:
                continue
            chosen.append((member, key))
            done = visit(depth + 1)
            chosen.pop()
            if done:
                return True
        return False

    visit(0)
    return best[1]


def _explain(ctx, assignment):
    explanations = []
    for index, (role, member) in enumerate(assignment.items()):
        if member is None:
            continue
        past = ctx.past(member)
        record = past.record(role)
        reason, runner_up = _reason(ctx, assignment, index, role, member)
        explanations.append(
            Explanation(role, member, record.times, past.sessions, record.last, reason, runner_up)
        )
    return tuple(explanations)


def _reason(ctx, assignment, index, role, member):
    """Compare the holder with the best rival still free when this role was decided:
    a volunteer case-bringer is decided first, then the roles in priority order."""
    if role == FACILITATOR and member == ctx.previous:
        return NO_ONE_ELSE, None
    if role == CASE_BRINGER and member in ctx.volunteers:
        return VOLUNTEER, None
    taken = set(list(assignment.values())[:index])
    if assignment.get(CASE_BRINGER) in ctx.volunteers:
        taken.add(assignment[CASE_BRINGER])
    mine = next(key for person, key in ctx.ranked[role] if person == member)
    rivals = [
        (person, key)
        for person, key in ctx.ranked[role]
        if person != member and person not in taken and key[0] == mine[0]
    ]
    if not rivals:
        others = any(
            person != member and person in taken and key[0] == mine[0]
            for person, key in ctx.ranked[role]
        )
        return (LEFT_OVER if others else ONLY_CANDIDATE), None
    rival, theirs = rivals[0]
    if theirs < mine:
        return NEEDED_ELSEWHERE, rival
    for position, reason in ((1, LEAST_OFTEN), (2, LONGEST_AGO), (3, FEWER_ROLES)):
        if mine[position] != theirs[position]:
            return reason, rival
    return TIEBREAK, rival


def _problems(ctx, assignment):
    problems = []
    if len(ctx.available) < len(ctx.roles):
        problems.append(Problem(TOO_FEW_PARTICIPANTS, len(ctx.roles), len(ctx.available)))
    if ctx.available and assignment.get(FACILITATOR, 0) is None and not ctx.ranked[FACILITATOR]:
        problems.append(Problem(NO_ELIGIBLE_FACILITATOR, 1, 0, FACILITATOR))
    return tuple(problems)
