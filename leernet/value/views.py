"""The value dashboard and the check-out; stories and the report have their own route
modules (``story_views``, ``report_views``)."""

from flask import flash, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..access import MEMBER, access
from ..extensions import db
from ..i18n import format_datetime
from ..meetings.models import Meeting
from ..timeutil import utcnow
from ..web import form_status, go, render
from . import aggregate, bp, cycles, figures, queries, rules, service, sources
from .forms import USEFULNESS, CheckoutForm

REFUSALS = {
    rules.CANCELLED: (409, _l("This meeting was cancelled, so there is nothing to check out of.")),
    rules.NOT_YET: (
        409,
        _l("This meeting has not happened yet. Check-out opens half an hour before it ends."),
    ),
    rules.CLOSED: (409, _l("Check-out for this meeting closed a week after it ended.")),
    rules.ABSENT: (
        403,
        _l(
            "You were not checked in at this meeting, so there is no check-out for you. "
            "Were you there? Ask the host to mark you present."
        ),
    ),
}


#: The cycles' keys, labels and sentences, for pages and macros alike.
bp.add_app_template_global(cycles, "value_cycles")


@bp.app_template_global("value_checkout_state")
def checkout_state(meeting):
    """ "future", "open" or "closed": whether a meeting page offers the check-out (no query)."""
    now = utcnow()
    if now < rules.opens_at(meeting):
        return "future"
    return "open" if now <= rules.closes_at(meeting) else "closed"


@bp.app_template_filter("decimal")
def decimal_filter(value):
    """A number as people read it in their language ("4,2" in Dutch); "–" for none."""
    return figures.number(value)


@bp.route("/")
@access(MEMBER)
def dashboard():
    now = utcnow()
    period = aggregate.last_months(figures.local_today(), 12)
    found = figures.collect(period, now, also=sources.panel_readers())
    stories = queries.recent_stories(current_user, limit=3)
    return render(
        "value/dashboard.html",
        figures=found,
        charts=figures.charts(found) + sources.panels(period, found.rows),
        stories=stories,
        journey=sources.journey(current_user),
        span=figures.span(period),
    )


@bp.route("/checkout/<int:meeting_id>", methods=["GET", "POST"])
@access(MEMBER)
def checkout(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    now = utcnow()
    existing = service.mine(meeting, current_user)
    reason = rules.refusal(meeting, service.attended(meeting, current_user), now)
    if reason:
        status, message = REFUSALS[reason]
        return render(
            "value/checkout.html",
            status=status,
            meeting=meeting,
            refusal=message,
            existing=existing,
        )
    form = CheckoutForm(obj=existing)
    if existing is not None and request.method == "GET":
        form.usefulness.data = str(existing.usefulness)
        form.cycles.data = cycles.chosen(existing)
    if request.method == "GET" and request.args.get("usefulness") in USEFULNESS:
        form.usefulness.data = request.args["usefulness"]  # tapped on the home card
    if form.validate_on_submit():
        service.check_out(
            meeting, current_user, form.score(), form.cycles.data or [], form.takeaway.data, now
        )
        db.session.commit()
        flash(
            _(
                "Thank you! You can change your check-out until %(when)s.",
                when=format_datetime(rules.closes_at(meeting), "EEEE d MMMM, HH:mm"),
            ),
            "success",
        )
        return go(url_for("home.index"))
    return render(
        "value/checkout.html",
        status=form_status(),
        meeting=meeting,
        form=form,
        existing=existing,
        closes=rules.closes_at(meeting),
    )


# Routes on this blueprint, and the registries (home cards, CLI, export, search).
