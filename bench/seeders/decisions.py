"""Decisions over the years with members' stances, a few open now and a few withdrawn.

Outcomes and final tallies come from ``decisions.rules``, as closing computes them, so
the log and the detail pages show what the app itself would have recorded.
"""

from datetime import timedelta

from sqlalchemy import insert

from leernet.decisions import rules
from leernet.decisions.models import Decision, DecisionVersion, Stance
from leernet.extensions import db

from . import seeder
from .members import TAGS

WINDOW = timedelta(days=7)
AGREEABLE = (12, 4, 1)  # weights of the kinds of stance, the most agreeable first
QUORUM = 5  # percent: a few dozen stances make the quorum of a large network
REASON = "Dat past niet bij wat we eerder afspraken."
STANCES = (5, 30)  # members who take a stance on one decision, at least and at most
PROPOSAL = "We spreken af dat we **{tag}** voortaan samen oppakken.\n\n- wie doet wat\n- wanneer\n"


def status_of(n, count):
    if n > count - max(1, count // 100):
        return rules.OPEN
    return rules.WITHDRAWN if n % 37 == 0 else rules.CLOSED


@seeder(60)
def decisions(context):
    rand, now, count = context["random"], context["now"], context["size"]["decisions"]
    members, past = context["member_ids"], context["meetings"]["past"]
    rows, versions, stances = [], [], []
    for n in range(1, count + 1):
        method = rules.METHODS[n % len(rules.METHODS)]
        status = status_of(n, count)
        opened = now - WINDOW - timedelta(hours=10 * (count - n) + 2)
        closes = now + WINDOW if status == rules.OPEN else opened + WINDOW
        voters = rand.sample(members, min(rand.randint(*STANCES), len(members)))
        proposer, voters = voters[0], voters[1:]
        given = [stance(rand, n, method, voter, opened) for voter in voters]
        stances += given
        row = {
            "id": n,
            "title": f"Voorstel {n}: {rand.choice(TAGS)} samen oppakken",
            "proposal": PROPOSAL.format(tag=rand.choice(TAGS)),
            "background": "Dit kwam op in de laatste bijeenkomst.",
            "method": method,
            "status": status,
            "proposer_id": proposer,
            "meeting_id": rand.choice(past) if n % 4 == 0 else None,
            "quorum": QUORUM,
            "threshold": rules.SIMPLE,
            "closes_at": closes,
            "version": 1,
            "revision": len(given),
            "created_at": opened,
            "opened_at": opened,
            "closed_at": None if status == rules.OPEN else closes,
        }
        if status == rules.CLOSED:
            row.update(closed(method, given, len(members)))
        rows.append(row)
        versions.append(
            {"decision_id": n, "number": 1, "proposal": row["proposal"], "created_at": opened}
        )
    db.session.execute(insert(Decision), rows)
    db.session.execute(insert(DecisionVersion), versions)
    db.session.execute(insert(Stance), stances)
    context["values"]["decision_id"] = next(r["id"] for r in reversed(rows) if r.get("outcome"))


def stance(rand, decision_id, method, member_id, opened):
    kind = rand.choices(rules.KINDS[method], weights=AGREEABLE[: len(rules.KINDS[method])])[0]
    at = opened + timedelta(hours=rand.randint(1, 100))
    reason = REASON if rules.needs_reason(method, kind) else ""
    return {
        "decision_id": decision_id,
        "member_id": member_id,
        "kind": kind,
        "reason": reason,
        "version": 1,
        "created_at": at,
        "updated_at": at,
    }


def closed(method, given, active):
    """Outcome and final tally, as ``service.close`` records them."""
    tally = rules.tally(method, [rules.Stance(s["member_id"], s["kind"]) for s in given], active)
    if method == rules.ADVICE:
        return {
            "outcome": rules.ADOPTED,
            "final_tally": tally.as_record(),
            "resolution": "Ik ga het doen, met de zorgen van de adviseurs als voorwaarden.",
            "weighing": "De meeste adviezen steunden het voorstel.",
        }
    return {"outcome": rules.outcome(tally, QUORUM), "final_tally": tally.as_record()}
