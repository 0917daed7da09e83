"""The decision log, proposing, taking a stance, and the proposer's actions.

Every page first closes a decision whose time has come (checked on access, see
``detail.load``), so no one sees an "open" decision past its closing time.
"""

from flask import flash, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..access import MEMBER, access
from ..extensions import db
from ..meetings.choices import an_id
from ..timeutil import utcnow
from ..web import form_status, go, render
from . import bp, closing, labels, queries, rules, service
from .detail import can_see, guard, load, refusal_for, refused, show, to_detail
from .forms import (
    AdviceDecisionForm,
    AmendForm,
    ProposalForm,
    StanceForm,
    default_closing,
    to_local,
)
from .models import Decision
from .service import DecisionError


@bp.app_context_processor
def inject_labels():
    """The labels of methods, stances and outcomes, for pages and the home card."""
    return {"decision_labels": labels}


@bp.route("/")
@access(MEMBER)
def log():
    closed, reminded = closing.sweep(utcnow())
    if closed or reminded:
        db.session.commit()
    args = {key: request.args.get(key, "").strip()[:100] for key in ("status", "method", "outcome")}
    text = request.args.get("q", "").strip()[:100]
    page = db.paginate(
        queries.log_query(text=text, **args), per_page=20, error_out=False, count=True
    )
    return render(
        "decisions/log.html",
        "decisions/_results.html",
        page=page,
        q=text,
        filters=args,
        mine=queries.my_stances(current_user, [d.id for d in page.items]),
        drafts=queries.my_drafts(current_user),
    )


@bp.route("/new", methods=["GET", "POST"])
@access(MEMBER)
def new():
    meeting = an_id(request.args.get("meeting")) or 0
    return save_proposal(ProposalForm(closes_at=default_closing(), meeting_id=meeting), None)


@bp.route("/<int:decision_id>/edit", methods=["GET", "POST"])
@access(MEMBER, can_see)
def edit(decision_id):
    decision = load(decision_id)
    if decision.status != rules.DRAFT:
        return refused(
            decision,
            DecisionError(refusal_for(decision) or _("Only a draft can be edited.")),
        )
    form = ProposalForm(obj=decision, closes_at=to_local(decision.closes_at))
    return save_proposal(form, decision)


def save_proposal(form, decision):
    opening = request.form.get("action") == "open"
    if form.validate_on_submit() and (not opening or form.check_opening()):
        if decision is None:
            decision = Decision(proposer_id=current_user.id, status=rules.DRAFT)
            db.session.add(decision)
        decision.title = form.title.data
        decision.proposal = (form.proposal.data or "").strip()
        decision.background = (form.background.data or "").strip()
        decision.method = form.method.data
        decision.closes_at = form.closes_utc()
        decision.review_on = form.review_on.data
        decision.quorum = form.quorum_value()
        decision.threshold = form.threshold.data
        decision.meeting_id = form.meeting_id.data or None
        db.session.flush()
        if opening:
            service.open_decision(decision, utcnow())
            flash(_("Your proposal is open. Members can now take their stance."), "success")
        else:
            flash(_("Draft saved. Only you can see it until you open it."), "success")
        db.session.commit()
        return to_detail(decision)
    return render("decisions/form.html", form=form, decision=decision, status=form_status())


@bp.route("/<int:decision_id>")
@access(MEMBER, can_see)
def detail(decision_id):
    return show(load(decision_id))


@bp.route("/<int:decision_id>/stance", methods=["POST"])
@access(MEMBER, can_see)
def stance(decision_id):
    decision = load(decision_id)
    message = refusal_for(decision)
    if message:
        return refused(decision, DecisionError(message))
    form = StanceForm(decision.method)
    if not form.validate_on_submit():
        return show(decision, status=422, form=form)
    try:
        service.cast(decision, current_user, form.kind.data, form.reason.data, utcnow())
    except DecisionError as error:
        return refused(decision, error)
    db.session.commit()
    flash(_("Your stance has been saved. You can change it until the decision closes."), "success")
    return to_detail(decision, "#stance")


@bp.route("/<int:decision_id>/amend", methods=["GET", "POST"])
@access(MEMBER, can_see)
def amend(decision_id):
    decision = load(decision_id)
    refusal = guard(
        decision,
        _("Only the proposer can amend this proposal."),
        (rules.AMENDABLE, _("Only consent and consensus proposals can be amended.")),
    )
    if refusal:
        return refusal
    form = AmendForm(proposal=decision.proposal)
    if form.validate_on_submit():
        try:
            asked = service.amend(
                decision, current_user, form.proposal.data.strip(), form.note.data.strip(), utcnow()
            )
        except DecisionError as error:
            return refused(decision, error)
        db.session.commit()
        flash(
            ngettext(
                "Version %(version)d is up; %(num)d member who objects was asked to look again.",
                "Version %(version)d is up; %(num)d members who object were asked to look again.",
                len(asked),
                version=decision.version,
            ),
            "success",
        )
        return to_detail(decision)
    return render("decisions/amend.html", form=form, decision=decision, status=form_status())


@bp.route("/<int:decision_id>/decide", methods=["GET", "POST"])
@access(MEMBER, can_see)
def decide(decision_id):
    decision = load(decision_id)
    refusal = guard(
        decision,
        _("Only the proposer can record this decision."),
        ((rules.ADVICE,), _("Only an advice process is decided by its proposer.")),
    )
    if refusal:
        return refusal
    form = AdviceDecisionForm()
    if form.validate_on_submit():
        try:
            service.record_advice(
                decision,
                current_user,
                form.result.data == "adopted",
                form.resolution.data.strip(),
                form.weighing.data.strip(),
                utcnow(),
            )
        except DecisionError as error:
            return refused(decision, error)
        db.session.commit()
        flash(_("Your decision has been recorded."), "success")
        return to_detail(decision)
    return render("decisions/decide.html", form=form, decision=decision, status=form_status())


@bp.route("/<int:decision_id>/close", methods=["POST"])
@access(MEMBER, can_see)
def close(decision_id):
    decision = load(decision_id)
    try:
        service.close_early(decision, current_user, utcnow())
    except DecisionError as error:
        return refused(decision, error)
    db.session.commit()
    flash(_("The decision has been closed and its outcome recorded."), "success")
    return to_detail(decision)


@bp.route("/<int:decision_id>/withdraw", methods=["POST"])
@access(MEMBER, can_see)
def withdraw(decision_id):
    decision = load(decision_id)
    was_draft = decision.status == rules.DRAFT
    try:
        service.withdraw(decision, current_user, utcnow())
    except DecisionError as error:
        return refused(decision, error)
    db.session.commit()
    if was_draft:
        flash(_("The draft has been deleted."), "success")
        return go(url_for("decisions.log"))
    flash(_("The proposal has been withdrawn."), "success")
    return to_detail(decision)
