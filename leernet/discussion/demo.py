"""Demo discussion: the open proposal gathers questions, is amended, and the thread goes on
about version 2; a closed proposal keeps its (now read-only) discussion."""

from datetime import timedelta

from sqlalchemy import select

from ..decisions import rules
from ..decisions.models import Decision, DecisionVersion
from ..demo import step
from ..extensions import db
from .models import ProposalComment

# People by index in context["members"]: 0 Anouk, 3 Fatima, 4 Bram, 9 Emma, 11 Iris, 13 Sophie.
BEFORE = [
    (4, "Wie koppelt als de coördinator op vakantie is? Drie maanden is ook best lang."),
    (13, "Misschien ook een korte **checklist** voor buddy's, zodat iedereen hetzelfde vertelt?"),
]
AMENDED = (
    "Elk nieuw lid krijgt de eerste drie maanden een **buddy**: een ervaren lid dat uitlegt "
    "hoe het netwerk werkt en meegaat naar de eerste bijeenkomst.\n\n"
    "- de coördinator of haar vervanger koppelt\n- buddy's melden zich vrijwillig aan\n"
    "- er komt een checklist van één A4"
)
AFTER = [
    (11, "Met de checklist erbij ben ik voor. Ik help graag met de tekst."),
    (3, "Goed dat de vervanger erin staat."),
]
CLOSED = [(0, "Kunnen we het gastenbudget over een jaar evalueren?"), (9, "Eens, dat hoort erbij.")]


def _say(decision, members, said, version, start):
    for offset, (who, text) in enumerate(said):
        db.session.add(
            ProposalComment(
                decision_id=decision.id,
                version=version,
                body=text,
                author=members[who],
                created_at=start + timedelta(hours=3 * offset),
            )
        )


@step(62)
def discussion(context):
    members, decision = context["members"], context["decisions"]
    _say(decision, members, BEFORE, 1, decision.opened_at + timedelta(hours=2))
    decision.version, decision.proposal = 2, AMENDED
    db.session.add(
        DecisionVersion(
            decision_id=decision.id,
            number=2,
            proposal=AMENDED,
            note="Vervanger van de coördinator en een checklist toegevoegd.",
            created_at=decision.opened_at + timedelta(days=1),
        )
    )
    _say(decision, members, AFTER, 2, decision.opened_at + timedelta(days=1, hours=2))
    closed = db.session.scalar(
        select(Decision).where(Decision.status == rules.CLOSED).order_by(Decision.id.desc())
    )
    if closed is not None:
        _say(closed, members, CLOSED, closed.version, closed.opened_at + timedelta(hours=4))
