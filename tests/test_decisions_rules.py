"""The decision rules, table-driven: every method's outcome, quorum edges, ties, amendments."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leernet.decisions import rules as r

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def stances(*kinds, version=1):
    """``stances("yes", "no")`` -> member 1 said yes, member 2 said no."""
    return [r.Stance(i, kind, version) for i, kind in enumerate(kinds, start=1)]


def decide(method, kinds, active, quorum=0, threshold=r.SIMPLE, version=1, extra=()):
    tally = r.tally(method, stances(*kinds) + list(extra), active, version)
    return r.outcome(tally, quorum, threshold)


C, M, S, A = r.CONSENT, r.MAJORITY, r.CONSENSUS, r.ADVICE
SIMPLE, TWO3 = r.SIMPLE, r.TWO_THIRDS
OK, NO, NOQ, OBJ, BLK, NOS, LAP = (
    r.ADOPTED,
    r.REJECTED,
    r.NO_QUORUM,
    r.OBJECTED,
    r.BLOCKED,
    r.NO_SUPPORT,
    r.LAPSED,
)

# fmt: off
CASES = [
    # name, method, stances, active members, quorum %, threshold, expected outcome
    # consent: passes unless an objection stands
    ("consent: all agree",                 C, "agree agree no_objection",   5,  0,   SIMPLE, OK),
    ("consent: nobody objects or speaks",  C, "",                           5,  0,   SIMPLE, OK),
    ("consent: one objection",             C, "agree objection agree",      5,  0,   SIMPLE, OBJ),
    ("consent: only objections",           C, "objection objection",        2,  0,   SIMPLE, OBJ),
    # majority: quorum first, then the threshold; abstain counts for the quorum only
    ("majority: clear yes",                M, "yes yes no",                 4,  50,  SIMPLE, OK),
    ("majority: tie fails",                M, "yes no",                     2,  50,  SIMPLE, NO),
    ("majority: tie with abstain fails",   M, "yes no abstain",             3,  100, SIMPLE, NO),
    ("majority: more no",                  M, "yes no no",                  3,  50,  SIMPLE, NO),
    ("majority: quorum exactly met",       M, "yes yes",                    4,  50,  SIMPLE, OK),
    ("majority: one short of quorum",      M, "yes",                        4,  50,  SIMPLE, NOQ),
    ("majority: quorum rounds up",         M, "yes yes",                    5,  50,  SIMPLE, NOQ),
    ("majority: rounded-up quorum met",    M, "yes yes no",                 5,  50,  SIMPLE, OK),
    ("majority: abstain makes the quorum", M, "yes abstain abstain",        6,  50,  SIMPLE, OK),
    ("majority: abstain is not a yes",     M, "yes no abstain abstain",     4,  50,  SIMPLE, NO),
    ("majority: all abstain",              M, "abstain abstain",            2,  100, SIMPLE, NO),
    ("majority: 100% quorum, one missing", M, "yes yes",                    3,  100, SIMPLE, NOQ),
    ("majority: 0% quorum, nobody voted",  M, "",                           3,  0,   SIMPLE, NO),
    ("majority: 0% quorum, one yes",       M, "yes",                        30, 0,   SIMPLE, OK),
    ("two-thirds: exactly two thirds",     M, "yes yes no",                 3,  50,  TWO3,   OK),
    ("two-thirds: just under",             M, "yes yes yes yes no no no",   7,  50,  TWO3,   NO),
    ("two-thirds: abstain keeps the bar",  M, "yes yes no abstain abstain", 5,  50,  TWO3,   OK),
    ("two-thirds: no quorum",              M, "yes yes",                    10, 30,  TWO3,   NOQ),
    ("two-thirds: only abstentions",       M, "abstain",                    1,  50,  TWO3,   NO),
    # consensus: a block stops it, and somebody must agree
    ("consensus: agree and stand aside",   S, "agree stand_aside",          2,  0,   SIMPLE, OK),
    ("consensus: one block",               S, "agree agree block",          3,  0,   SIMPLE, BLK),
    ("consensus: all stand aside",         S, "stand_aside stand_aside",    2,  0,   SIMPLE, NOS),
    ("consensus: nobody spoke",            S, "",                           4,  0,   SIMPLE, NOS),
    # advice: without the proposer's recorded decision it lapses at closing
    ("advice: lapses at closing",          A, "support concern",            3,  0,   SIMPLE, LAP),
]
# fmt: on


@pytest.mark.parametrize(
    ("method", "kinds", "active", "quorum", "threshold", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_outcome_of_every_method(method, kinds, active, quorum, threshold, expected):
    assert decide(method, kinds.split(), active, quorum, threshold) == expected


def test_amended_consent_objection_on_earlier_version_still_stands():
    old_objection = [r.Stance(9, "objection", version=1)]
    assert decide(r.CONSENT, ["agree"], 3, version=2, extra=old_objection) == r.OBJECTED
    tally = r.tally(r.CONSENT, stances("agree", version=2) + old_objection, 3, version=2)
    assert tally.earlier_version == 1 and tally.participants == 2


def test_amended_consent_passes_once_the_objection_is_withdrawn():
    withdrawn = [r.Stance(9, "no_objection", version=2)]
    assert decide(r.CONSENT, ["agree"], 3, version=2, extra=withdrawn) == r.ADOPTED


def test_look_again_lists_objectors_on_earlier_versions_only():
    given_stances = [
        r.Stance(1, "objection", 1),
        r.Stance(2, "agree", 1),
        r.Stance(3, "objection", 2),
        r.Stance(4, "objection", 1, active=False),
    ]
    assert r.look_again(r.CONSENT, given_stances, 2) == [1]
    assert r.look_again(r.CONSENSUS, [r.Stance(5, "block", 1)], 2) == [5]
    assert r.look_again(r.MAJORITY, [r.Stance(6, "no", 1)], 2) == []


def test_a_changed_stance_counts_once_and_as_its_latest_kind():
    # one row per member: the service stores the latest; the rules never double count
    changed = [r.Stance(1, "objection"), r.Stance(1, "agree")]
    tally = r.tally(r.CONSENT, changed, 2)
    assert tally.participants == 1 and tally["objection"] == 1 and tally["agree"] == 0


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [("objection", "no_objection", r.ADOPTED), ("agree", "objection", r.OBJECTED)],
)
def test_changing_a_stance_changes_the_outcome(before, after, expected):
    assert decide(r.CONSENT, [before, "agree"], 2) != expected
    assert decide(r.CONSENT, [after, "agree"], 2) == expected


def test_members_who_left_no_longer_count():
    gone = [r.Stance(7, "objection", active=False), r.Stance(8, "block", active=False)]
    assert decide(r.CONSENT, ["agree"], 1, extra=gone[:1]) == r.ADOPTED
    assert decide(r.CONSENSUS, ["agree"], 1, extra=gone[1:]) == r.ADOPTED
    assert r.tally(r.MAJORITY, gone, 1).participants == 0


def test_a_stance_of_another_method_is_ignored():
    assert r.tally(r.MAJORITY, stances("agree", "yes"), 2).participants == 1


@pytest.mark.parametrize(
    ("active", "quorum", "needed"),
    [(0, 50, 0), (1, 1, 1), (10, 50, 5), (11, 50, 6), (3, 66, 2), (3, 67, 3), (7, 100, 7)],
)
def test_quorum_needed_rounds_up(active, quorum, needed):
    assert r.quorum_needed(active, quorum) == needed


@pytest.mark.parametrize(
    ("quorum", "ok"), [(-1, False), (0, True), (100, True), (101, False), (None, False)]
)
def test_valid_quorum(quorum, ok):
    assert r.valid_quorum(quorum) is ok


@pytest.mark.parametrize(
    ("offset", "ok"),
    [
        (timedelta(minutes=-1), False),
        (timedelta(0), False),
        (timedelta(minutes=1), True),
        (timedelta(days=366), True),
        (timedelta(days=367), False),
    ],
)
def test_valid_closing(offset, ok):
    assert r.valid_closing(NOW + offset, NOW) is ok


@dataclass
class D:
    status: str = r.OPEN
    closes_at: datetime | None = NOW
    opened_at: datetime | None = NOW - timedelta(days=7)
    reminded_at: datetime | None = None


@pytest.mark.parametrize(
    ("decision", "is_due"),
    [
        (D(), True),
        (D(closes_at=NOW + timedelta(seconds=1)), False),
        (D(closes_at=NOW - timedelta(days=9)), True),
        (D(status=r.CLOSED), False),
        (D(status=r.DRAFT), False),
        (D(status=r.WITHDRAWN), False),
        (D(closes_at=None), False),
    ],
)
def test_due(decision, is_due):
    assert r.due(decision, NOW) is is_due


def test_reminder_due_once_in_the_last_day():
    decision = D(closes_at=NOW + timedelta(hours=30))
    assert not r.reminder_due(decision, NOW)
    decision.closes_at = NOW + timedelta(hours=23)
    assert r.reminder_due(decision, NOW)
    decision.reminded_at = NOW
    assert not r.reminder_due(decision, NOW)
    assert not r.reminder_due(D(closes_at=NOW - timedelta(minutes=1)), NOW), "closing, not nagging"


def test_short_window_reminds_in_its_last_quarter():
    decision = D(opened_at=NOW, closes_at=NOW + timedelta(hours=2))
    assert not r.reminder_due(decision, NOW + timedelta(minutes=60))
    assert r.reminder_due(decision, NOW + timedelta(minutes=91))


def test_close_early_only_when_everyone_took_part():
    assert not r.can_close_early(r.tally(r.CONSENT, stances("agree"), 2))
    assert r.can_close_early(r.tally(r.CONSENT, stances("agree", "objection"), 2))
    assert not r.can_close_early(r.tally(r.CONSENT, [], 0))


def refusal(
    status=r.OPEN,
    closes=NOW + timedelta(hours=1),
    method=r.CONSENT,
    kind="agree",
    reason="",
    active=True,
    proposer=False,
):
    return r.stance_refusal(
        D(status=status, closes_at=closes),
        NOW,
        method=method,
        kind=kind,
        reason=reason,
        member_active=active,
        is_proposer=proposer,
    )


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({}, None),
        ({"status": r.CLOSED}, "closed"),
        ({"closes": NOW}, "closed"),
        ({"status": r.WITHDRAWN}, "withdrawn"),
        ({"status": r.DRAFT}, "draft"),
        ({"active": False}, "inactive"),
        ({"kind": "yes"}, "unknown_kind"),
        ({"kind": "objection"}, "reason_required"),
        ({"kind": "objection", "reason": "  "}, "reason_required"),
        ({"kind": "objection", "reason": "Te duur"}, None),
        ({"method": r.CONSENSUS, "kind": "block"}, "reason_required"),
        ({"method": r.MAJORITY, "kind": "no"}, None),
        ({"method": r.ADVICE, "kind": "support"}, "reason_required"),
        (
            {"method": r.ADVICE, "kind": "support", "reason": "Doen", "proposer": True},
            "proposer_advice",
        ),
        ({"method": r.CONSENT, "kind": "agree", "proposer": True}, None),
    ],
)
def test_stance_refusals(kwargs, code):
    assert refusal(**kwargs) == code


kinds_of = {method: st.sampled_from(kinds) for method, kinds in r.KINDS.items()}


@given(
    method=st.sampled_from([r.CONSENT, r.MAJORITY, r.CONSENSUS]),
    data=st.data(),
    extra_members=st.integers(0, 10),
    quorum=st.integers(0, 100),
    threshold=st.sampled_from(r.THRESHOLDS),
)
def test_outcome_ignores_order_and_never_exceeds_the_members(
    method, data, extra_members, quorum, threshold
):
    kinds = data.draw(st.lists(kinds_of[method], max_size=12))
    given_stances = stances(*kinds)
    active = len(kinds) + extra_members
    forward = r.outcome(r.tally(method, given_stances, active), quorum, threshold)
    backward = r.outcome(r.tally(method, given_stances[::-1], active), quorum, threshold)
    assert forward == backward
    tally = r.tally(method, given_stances, active)
    assert tally.participants == len(kinds) == sum(tally.counts.values())
    if method == r.MAJORITY and tally.participants < r.quorum_needed(active, quorum):
        assert forward == r.NO_QUORUM


@given(yes=st.integers(0, 30), no=st.integers(0, 30), abstain=st.integers(0, 30))
def test_one_more_yes_never_turns_adopted_into_rejected(yes, no, abstain):
    active = yes + no + abstain + 1
    for threshold in r.THRESHOLDS:
        before = decide(
            r.MAJORITY, ["yes"] * yes + ["no"] * no + ["abstain"] * abstain, active, 0, threshold
        )
        after = decide(
            r.MAJORITY,
            ["yes"] * (yes + 1) + ["no"] * no + ["abstain"] * abstain,
            active,
            0,
            threshold,
        )
        assert not (before == r.ADOPTED and after == r.REJECTED)
