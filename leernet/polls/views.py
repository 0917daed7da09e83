"""Find a date: propose dates, answer with one tap each, schedule the best one."""

from zoneinfo import ZoneInfo

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..access import MEMBER, access
from ..extensions import db
from ..meetings.feed import network_timezone
from ..meetings.policy import may_schedule
from ..timeutil import utcnow
from ..web import form_status, go, render, wants_fragment
from . import bp, notices, service
from .forms import AnswerForm, PollForm
from .models import DatePoll, PollAnswer, PollOption


def manages_poll(user, poll_id, **_args):
    poll = db.session.get(DatePoll, poll_id)
    if poll is None:
        abort(404)
    return user.is_coordinator or poll.created_by_id == user.id


@bp.route("/")
@access(MEMBER)
def index():
    page = db.paginate(
        select(DatePoll).order_by(
            DatePoll.closed_at.is_not(None), DatePoll.created_at.desc(), DatePoll.id.desc()
        ),
        per_page=20,
        error_out=False,
    )
    ids = [p.id for p in page.items]
    answered = set()
    if ids:
        answered = set(
            db.session.scalars(
                select(PollOption.poll_id)
                .join(PollAnswer, PollAnswer.option_id == PollOption.id)
                .where(PollOption.poll_id.in_(ids), PollAnswer.user_id == current_user.id)
                .distinct()
            )
        )
    return render(
        "polls/index.html", page=page, answered=answered, may_schedule=may_schedule(current_user)
    )


@bp.route("/new", methods=["GET", "POST"])
@access(MEMBER, may_schedule)
def new():
    timezone = network_timezone()
    today = utcnow().astimezone(ZoneInfo(timezone)).date()
    form = PollForm(today=today)
    if form.validate_on_submit():
        poll = service.create(form, current_user, timezone)
        notices.poll_opened(poll, current_user)
        db.session.commit()
        flash(_("The poll is open. Share its page so members can answer."), "success")
        return go(url_for("polls.detail", poll_id=poll.id))
    return render("polls/new.html", form=form, status=form_status())


def _page(poll, error=None, status=200):
    rows, respondents = service.results(poll, current_user, utcnow())
    manage = current_user.is_coordinator or poll.created_by_id == current_user.id
    return render(
        "polls/detail.html",
        "polls/_options.html",
        status=status,
        poll=poll,
        rows=rows,
        respondents=respondents,
        manage=manage,
        error=error,
    )


@bp.route("/<int:poll_id>")
@access(MEMBER)
def detail(poll_id):
    poll = service.load(poll_id)
    if poll is None:
        abort(404)
    return _page(poll)


def _option_id():
    raw = request.form.get("option_id", "")
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


@bp.route("/<int:poll_id>/answer", methods=["POST"])
@access(MEMBER)
def answer(poll_id):
    poll = service.load(poll_id)
    if poll is None:
        abort(404)
    form = AnswerForm()
    error = None
    if not form.validate_on_submit():
        error = _("Choose yes, if need be or no.")
    else:
        try:
            service.answer(poll, _option_id(), current_user, form.answer.data, utcnow())
            db.session.commit()
        except service.PollError as problem:
            error = str(problem)
        except IntegrityError:  # a double tap raced itself: the first answer stands
            db.session.rollback()
            poll = service.load(poll_id)
    if not wants_fragment():
        if error:
            flash(error, "error")
        return go(url_for("polls.detail", poll_id=poll_id))
    return _page(poll, error, 422 if error else 200)


@bp.route("/<int:poll_id>/schedule", methods=["POST"])
@access(MEMBER, manages_poll)
def schedule(poll_id):
    poll = service.load(poll_id)
    try:
        meeting = service.to_meeting(poll, _option_id(), current_user, utcnow())
    except service.PollError as problem:
        db.session.rollback()
        flash(str(problem), "error")
        return go(url_for("polls.detail", poll_id=poll_id))
    db.session.commit()
    flash(_("The meeting has been scheduled; the answers became RSVPs."), "success")
    return go(url_for("meetings.detail", meeting_id=meeting.id))


@bp.route("/<int:poll_id>/close", methods=["POST"])
@access(MEMBER, manages_poll)
def close(poll_id):
    poll = db.get_or_404(DatePoll, poll_id)
    if poll.is_open:
        service.close(poll, utcnow())
        db.session.commit()
        flash(_("The poll has been closed."), "success")
    return go(url_for("polls.detail", poll_id=poll_id))
