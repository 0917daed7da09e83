"""The rules of deciding together, as pure functions over plain values.

No Flask and no database here: the views, the cron command and the demo all ask these
functions, so an outcome can never depend on which of them closed a decision, and every
method can be tested table-driven.
"""

from dataclasses import dataclass, field
from datetime import timedelta

CONSENT, MAJORITY, CONSENSUS, ADVICE = "consent", "majority", "consensus", "advice"
METHODS = (CONSENT, MAJORITY, CONSENSUS, ADVICE)

#: What a member can say, per method (the first is the most agreeable).
KINDS = {
    CONSENT: ("agree", "no_objection", "objection"),
    MAJORITY: ("yes", "no", "abstain"),
    CONSENSUS: ("agree", "stand_aside", "block"),
    ADVICE: ("support", "concern"),
}
#: A stance that stops a proposal (until it is changed or withdrawn).
STOPPING = {CONSENT: "objection", CONSENSUS: "block"}
#: Stances that must carry a reason: an objection, a block, and advice itself.
REASON_REQUIRED = frozenset(
    {(CONSENT, "objection"), (CONSENSUS, "block"), (ADVICE, "support"), (ADVICE, "concern")}
)
#: Methods whose proposer may amend the proposal while it is open.
AMENDABLE = frozenset({CONSENT, CONSENSUS})

DRAFT, OPEN, CLOSED, WITHDRAWN = "draft", "open", "closed", "withdrawn"
STATUSES = (DRAFT, OPEN, CLOSED, WITHDRAWN)

ADOPTED, REJECTED, NO_QUORUM = "adopted", "rejected", "no_quorum"
OBJECTED, BLOCKED, NO_SUPPORT, LAPSED = "objected", "blocked", "no_support", "lapsed"
OUTCOMES = (ADOPTED, REJECTED, NO_QUORUM, OBJECTED, BLOCKED, NO_SUPPORT, LAPSED)

SIMPLE, TWO_THIRDS = "simple", "two_thirds"
THRESHOLDS = (SIMPLE, TWO_THIRDS)

#: The "closing soon" notice goes out this long before closing (or a quarter of a short
#: voting window, so a two-hour decision taken in a meeting is not nagged at once).
CLOSING_SOON = timedelta(hours=24)
#: The furthest ahead a closing time may be set.
LONGEST_WINDOW = timedelta(days=366)


@dataclass(frozen=True)
class Stance:
    member_id: int
    kind: str
    version: int = 1
    #: Stances of members who have left (deactivated or erased) no longer count.
    active: bool = True


@dataclass(frozen=True)
class Tally:
    method: str
    counts: dict = field(default_factory=dict)
    participants: int = 0
    active_members: int = 0
    #: How many counted stances were given on an earlier version of the proposal.
    earlier_version: int = 0

    def __getitem__(self, kind):
        return self.counts.get(kind, 0)

    def as_record(self):
        """The final tally as stored with the outcome (JSON-ready)."""
        return {
            "counts": dict(self.counts),
            "participants": self.participants,
            "active_members": self.active_members,
            "earlier_version": self.earlier_version,
        }


def tally(method, stances, active_members, version=1):
    """Count the stances of active members; every stance (abstain too) is taking part."""
    counts = dict.fromkeys(KINDS[method], 0)
    earlier = 0
    seen = set()
    for stance in stances:
        if not stance.active or stance.kind not in counts or stance.member_id in seen:
            continue
        seen.add(stance.member_id)
        counts[stance.kind] += 1
        earlier += stance.version < version
    return Tally(method, counts, len(seen), active_members, earlier)


def quorum_needed(active_members, quorum):
    """How many members must take part: ``quorum`` percent of the active ones, rounded up."""
    return -(-active_members * quorum // 100)


def outcome(tally, quorum=0, threshold=SIMPLE):
    """The outcome at closing, computed from the final tally alone.

    consent: adopted unless an objection stands (an objection on an earlier version
    stands until its member changes or withdraws it: amending cannot overrule it).
    majority: no quorum unless enough members took part; then yes must beat no (simple:
    more than half of the yes and no votes, a tie fails; two-thirds: at least two thirds);
    abstentions count for the quorum only. consensus: a block stops it, and at least one
    member must agree. advice: the proposer records the decision; at closing without one,
    the proposal lapses.
    """
    method = tally.method
    if method == CONSENT:
        return OBJECTED if tally["objection"] else ADOPTED
    if method == CONSENSUS:
        if tally["block"]:
            return BLOCKED
        return ADOPTED if tally["agree"] else NO_SUPPORT
    if method == MAJORITY:
        if tally.participants < quorum_needed(tally.active_members, quorum):
            return NO_QUORUM
        yes, no = tally["yes"], tally["no"]
        two_thirds = yes > 0 and 3 * yes >= 2 * (yes + no)
        passed = two_thirds if threshold == TWO_THIRDS else yes > no
        return ADOPTED if passed else REJECTED
    return LAPSED


def needs_reason(method, kind):
    return (method, kind) in REASON_REQUIRED


def valid_quorum(quorum):
    return quorum is not None and 0 <= quorum <= 100


def valid_closing(closes_at, now):
    """A closing time must lie in the future, and within a year."""
    return now < closes_at <= now + LONGEST_WINDOW


def due(decision, now):
    """True when an open decision has reached its closing time and must be closed."""
    return decision.status == OPEN and decision.closes_at is not None and decision.closes_at <= now


def closing_soon_at(opened_at, closes_at):
    lead = min(CLOSING_SOON, (closes_at - opened_at) / 4)
    return closes_at - lead


def reminder_due(decision, now):
    """True once per open decision, when its "closing soon" notice should go out."""
    if decision.status != OPEN or decision.reminded_at is not None or decision.closes_at is None:
        return False
    opened = decision.opened_at or decision.closes_at
    return closing_soon_at(opened, decision.closes_at) <= now < decision.closes_at


def can_close_early(tally):
    """The proposer may close before time only when every active member has taken part."""
    return tally.active_members > 0 and tally.participants >= tally.active_members


def stance_refusal(decision, now, *, method, kind, reason, member_active, is_proposer):
    """Why this stance cannot be taken now (a short code), or None when it can."""
    if not member_active:
        return "inactive"
    if decision.status == WITHDRAWN:
        return "withdrawn"
    if decision.status == DRAFT:
        return "draft"
    if decision.status == CLOSED or due(decision, now):
        return "closed"
    if method == ADVICE and is_proposer:
        return "proposer_advice"
    if kind not in KINDS[method]:
        return "unknown_kind"
    if needs_reason(method, kind) and not (reason or "").strip():
        return "reason_required"
    return None


def look_again(method, stances, version):
    """Members whose stopping stance was given on an earlier version: asked to look again."""
    stopping = STOPPING.get(method)
    return [
        s.member_id
        for s in stances
        if stopping and s.active and s.kind == stopping and s.version < version
    ]
