"""The decision page: loading (closing it first when due), what it shows, and refusals.

While a decision is open the tally is computed live from active members' stances; once
closed, the page shows the final tally recorded with the outcome, never a recount.
A refused change shows the decision again with the reason: 409 when its state forbids
it (closed, withdrawn), 403 when it is not this member's to change.
"""

from flask import abort, g, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..admin.models import current_network
from ..errors import error_page
from ..extensions import db
from ..timeutil import utcnow
from ..web import go, render
from . import rules, service
from .forms import StanceForm
from .labels import REFUSALS
from .models import Decision, Stance
from .service import DecisionError

#: What the page shows of every decision, in the one query (a meeting or none alike).
WITH_PROPOSER = [joinedload(Decision.proposer), joinedload(Decision.meeting)]


def can_see(user, decision_id):
    """Everyone sees every decision except someone else's draft (404: it does not exist yet)."""
    decision = db.session.get(Decision, decision_id, options=WITH_PROPOSER)
    if decision is None or (decision.status == rules.DRAFT and decision.proposer_id != user.id):
        abort(404)
    g.decision = decision  # the session only holds it weakly: keep it for the view
    return True


def load(decision_id):
    """The decision, closed and recorded first if its closing time has passed."""
    decision = g.get("decision") or db.get_or_404(Decision, decision_id)
    now = utcnow()
    if rules.due(decision, now):
        if service.close(decision, now):
            db.session.commit()
        else:
            db.session.rollback()
    return decision


def show(decision, status=200, error=None, form=None):
    return render(
        "decisions/detail.html", status=status, error=error, **detail_context(decision, form)
    )


def refused(decision, error):
    """The answer to a refused change: the reason, with the decision or an error page."""
    db.session.rollback()
    if error.status == 403:
        return error_page(403, str(error))
    return show(decision, status=error.status, error=str(error))


def guard(decision, proposer_message, method=None):
    """Refuse a proposer action on a decision that is not open, or not this member's."""
    message = refusal_for(decision)
    if message:
        return refused(decision, DecisionError(message))
    if decision.proposer_id != current_user.id:
        return refused(decision, DecisionError(proposer_message, 403))
    if method and decision.method not in method[0]:
        return refused(decision, DecisionError(method[1]))
    return None


def to_detail(decision, anchor=""):
    return go(url_for("decisions.detail", decision_id=decision.id) + anchor)


def refusal_for(decision):
    """Why nothing may change on this decision now, or None while it is open."""
    if decision.status == rules.WITHDRAWN:
        return REFUSALS["withdrawn"]
    if decision.status == rules.DRAFT:
        return REFUSALS["draft"]
    if decision.status == rules.CLOSED:
        return REFUSALS["closed"]
    return None


def recorded_tally(decision):
    record = decision.final_tally or {}
    return rules.Tally(
        decision.method,
        record.get("counts", dict.fromkeys(rules.KINDS[decision.method], 0)),
        record.get("participants", 0),
        record.get("active_members", 0),
        record.get("earlier_version", 0),
    )


def detail_context(decision, form=None):
    stances = db.session.scalars(
        select(Stance)
        .options(joinedload(Stance.member))
        .where(Stance.decision_id == decision.id)
        .order_by(Stance.updated_at, Stance.id)
    ).all()
    mine = next((s for s in stances if s.member_id == current_user.id), None)
    is_proposer = decision.proposer_id == current_user.id
    context = {
        "decision": decision,
        "stances": stances,
        "mine": mine,
        "is_proposer": is_proposer,
        "versions": decision.versions if decision.version > 1 else [],
        "form": None,
        "provisional": None,
    }
    if decision.status == rules.CLOSED:
        context["tally"] = recorded_tally(decision)
    elif decision.status == rules.OPEN:
        plain = [rules.Stance(s.member_id, s.kind, s.version, s.member.is_active) for s in stances]
        tally = rules.tally(decision.method, plain, service.active_members(), decision.version)
        context["tally"] = tally
        if decision.method != rules.ADVICE:
            context["provisional"] = rules.outcome(tally, decision.quorum, decision.threshold)
        context["may_close"] = is_proposer and rules.can_close_early(tally)
        if not (is_proposer and decision.method == rules.ADVICE):
            context["form"] = form or StanceForm(
                decision.method,
                formdata=None,
                kind=mine.kind if mine else None,
                reason=mine.reason if mine else "",
            )
    else:
        context["tally"] = None
    if context["tally"] is not None:
        context["needed"] = rules.quorum_needed(context["tally"].active_members, decision.quorum)
    network = current_network()
    context["anonymous"] = bool(
        decision.status == rules.OPEN and network is not None and network.anonymous_tallies
    )
    context["stance_note"] = _stance_note(decision, mine)
    from ..discussion.thread import thread_context  # discussion builds on this module

    context.update(thread_context(decision, everything=request.args.get("thread") == "all"))
    return context


def _stance_note(decision, mine):
    """A nudge when the member's stance was given on an earlier version."""
    if mine is None or decision.status != rules.OPEN or mine.version >= decision.version:
        return None
    return _(
        "You took this stance on version %(old)d; the proposal is now at version %(new)d. "
        "Please look again and keep or change it.",
        old=mine.version,
        new=decision.version,
    )
