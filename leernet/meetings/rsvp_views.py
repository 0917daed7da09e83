"""Answering in one tap, "I'm here", and the host's attendance list.

The RSVP and check-in buttons post with htmx and get the panel back (no reload);
without JavaScript the same forms post normally and land on the meeting page.
Members only ever answer for themselves: no member id is read from the form.
"""

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..access import MEMBER, access
from ..extensions import db
from ..members.models import User
from ..timeutil import utcnow
from ..web import go, render, wants_fragment
from . import attendance, bp, notices, panel
from .forms import RsvpForm
from .models import Attendance, Meeting, Rsvp
from .policy import manages_meeting
from .rsvp import RsvpError, answer


def _answer_back(meeting, error=None):
    """The panel for htmx (the card's or the page's), else back to the meeting page."""
    if not wants_fragment():
        if error:
            flash(error, "error")
        return go(url_for("meetings.detail", meeting_id=meeting.id))
    now = utcnow()
    if request.form.get("view") == "detail":
        db.session.expire_all()
        p = panel.from_loaded(panel.load(meeting.id), current_user, now)
    else:
        p = panel.by_query(meeting, current_user, now)
    return render(
        "meetings/_rsvp.html", "meetings/_rsvp.html", status=422 if error else 200, p=p, error=error
    )


@bp.route("/meetings/<int:meeting_id>/rsvp", methods=["POST"])
@access(MEMBER)
def rsvp(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    form = RsvpForm()
    if not form.validate_on_submit():
        message = next(iter(form.errors.values()), [_("Choose yes, maybe or no.")])[0]
        return _answer_back(meeting, str(message))
    try:
        _row, promoted = answer(
            meeting, current_user, form.answer.data, form.note.data or "", utcnow()
        )
    except RsvpError as error:
        db.session.rollback()
        return _answer_back(meeting, str(error))
    notices.tell_promoted(meeting, promoted)
    db.session.commit()
    return _answer_back(meeting)


def _record(meeting, member_id, present, by):
    """Check a member in or out; a double tap racing itself is not an error."""
    try:
        if present:
            attendance.check_in(meeting, member_id, by, utcnow())
        else:
            attendance.undo_check_in(meeting, member_id)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()


@bp.route("/meetings/<int:meeting_id>/checkin", methods=["POST"])
@access(MEMBER)
def checkin(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    if not attendance.checkin_open(meeting, utcnow()):
        return _answer_back(
            meeting, _("Check-in is open from 30 minutes before the start until the end.")
        )
    _record(meeting, current_user.id, request.form.get("present", "1") != "0", current_user)
    return _answer_back(meeting)


def roster(meeting):
    """Everyone who answered or was checked in first, then the other active members."""
    users = db.session.scalars(
        select(User).where(User.erased.is_(False)).order_by(func.lower(User.name), User.id)
    ).all()
    answers = {
        r.user_id: r for r in db.session.scalars(select(Rsvp).where(Rsvp.meeting_id == meeting.id))
    }
    present = {
        a.user_id: a
        for a in db.session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id))
    }
    first, others = [], []
    for user in users:
        row = (user, answers.get(user.id), present.get(user.id))
        if row[1] is not None and row[1].answer != "no" or row[2] is not None:
            first.append(row)
        elif user.active:
            others.append(row)
    return first, others, len(present)


@bp.route("/meetings/<int:meeting_id>/attendance")
@access(MEMBER, manages_meeting)
def attendance_page(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    first, others, count = roster(meeting)
    return render(
        "meetings/attendance.html",
        "meetings/_attendance.html",
        meeting=meeting,
        first=first,
        others=others,
        count=count,
        record=attendance.host_may_record(meeting, utcnow()),
    )


@bp.route("/meetings/<int:meeting_id>/attendance/<int:member_id>", methods=["POST"])
@access(MEMBER, manages_meeting)
def mark(meeting_id, member_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    member = db.get_or_404(User, member_id)
    if member.erased:
        abort(404)
    record = attendance.host_may_record(meeting, utcnow())
    error = None
    if record:
        _record(meeting, member.id, request.form.get("present") == "1", current_user)
    else:
        error = _("Attendance can be recorded from 30 minutes before the start.")
    if not wants_fragment():
        if error:
            flash(error, "error")
        return go(url_for("meetings.attendance_page", meeting_id=meeting.id))
    first, others, count = roster(meeting)
    return render(
        "meetings/_attendance.html",
        "meetings/_attendance.html",
        meeting=meeting,
        first=first,
        others=others,
        count=count,
        record=record,
        error=error,
        status=422 if error else 200,
    )
