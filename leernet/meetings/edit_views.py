"""Scheduling a meeting or series, changing it, cancelling it."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import flash, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

from ..access import MEMBER, access
from ..extensions import db
from ..members.accounts import choosable
from ..members.wishes import most_wanted
from ..timeutil import utcnow
from ..web import form_status, go, render
from . import bp, notices, recurrence, schedule
from .feed import network_timezone
from .forms import CancelForm, EditMeetingForm, MeetingForm
from .models import Meeting
from .policy import manages_meeting, may_schedule

NONEXISTENT = _l(
    "This time does not exist on that day: the clocks go forward. Choose another time."
)


def details(form):
    return schedule.Details(
        title=form.title.data,
        kind=form.kind.data,
        place=form.place.data or "",
        online_url=form.online_url.data or "",
        agenda=(form.agenda.data or "").strip(),
        guests="\n".join(n.strip() for n in (form.guests.data or "").splitlines() if n.strip()),
        host_id=form.host.data,
        capacity=form.capacity.data,
    )


def proposed_date():
    """A new meeting's date to start from: two weeks ahead, the network's today."""
    return utcnow().astimezone(ZoneInfo(network_timezone())).date() + timedelta(days=14)


@bp.route("/meetings/new", methods=["GET", "POST"])
@access(MEMBER, may_schedule)
def new():
    form = MeetingForm(hosts=choosable(), host=current_user.id, date=proposed_date())
    if form.validate_on_submit():
        timezone = network_timezone()
        try:
            if form.repeats:
                series, meetings = schedule.create_series(
                    details(form), form.rule(timezone), current_user
                )
                meeting = meetings[0]
            else:
                series, meetings = None, []
                start, end = recurrence.span(
                    form.date.data, form.start_time.data, form.end_time.data, timezone, strict=True
                )
                meeting = schedule.create_meeting(details(form), start, end, current_user)
                db.session.flush()
        except recurrence.NonexistentTime:
            form.start_time.errors.append(str(NONEXISTENT))
        else:
            if meeting.ends_at > utcnow():
                notices.announce_new(meeting, current_user, series, len(meetings))
            db.session.commit()
            if series is not None:
                scheduled = ngettext(
                    "%(num)d meeting has been scheduled.",
                    "%(num)d meetings have been scheduled.",
                    len(meetings),
                )
                flash(scheduled, "success")
            else:
                flash(_("The meeting has been scheduled."), "success")
            return go(url_for("meetings.detail", meeting_id=meeting.id))
    return render(
        "meetings/edit.html", form=form, meeting=None, wanted=most_wanted(), status=form_status()
    )


def initial(meeting):
    zone = ZoneInfo(network_timezone())
    start, end = meeting.starts_at.astimezone(zone), meeting.ends_at.astimezone(zone)
    data = {
        "title": meeting.title,
        "kind": meeting.kind,
        "date": start.date(),
        "start_time": start.time().replace(second=0, microsecond=0),
        "end_time": end.time().replace(second=0, microsecond=0),
        "place": meeting.place,
        "online_url": meeting.online_url,
        "agenda": meeting.agenda,
        "host": meeting.host_id,
        "capacity": meeting.capacity,
        "guests": meeting.guests,
        "scope": "this",
    }
    if meeting.series is not None:
        series = meeting.series
        data.update(repeat=series.frequency, interval=series.interval, until=series.until)
    return data


@bp.route("/meetings/<int:meeting_id>/edit", methods=["GET", "POST"])
@access(MEMBER, manages_meeting)
def edit(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    if meeting.cancelled:
        flash(_("A cancelled meeting cannot be changed."), "error")
        return go(url_for("meetings.detail", meeting_id=meeting.id))
    form = EditMeetingForm(data=initial(meeting), hosts=choosable(meeting.host_id))
    if form.validate_on_submit():
        try:
            changed = _save(meeting, form)
        except schedule.ScheduleError as error:
            getattr(form, error.field).errors.append(str(error))
        except recurrence.NonexistentTime:
            form.start_time.errors.append(str(NONEXISTENT))
        else:
            db.session.commit()
            if changed:
                flash(_("Your changes have been saved."), "success")
            return go(url_for("meetings.detail", meeting_id=meeting.id))
    return render(
        "meetings/edit.html", form=form, meeting=meeting, wanted=most_wanted(), status=form_status()
    )


def _save(meeting, form):
    """Apply the form to this meeting or this and the following ones; tell members."""
    now = utcnow()
    timezone = network_timezone()
    if meeting.series is not None and form.scope.data == "following":
        rule = form.rule(timezone)
        changes, added, dropped = schedule.change_following(
            meeting, details(form), rule, now, current_user
        )
        for change in changes:
            notices.tell_promoted(change.meeting, change.promoted)
        material = any(c.material for c in changes) or added or dropped
        if material and meeting.ends_at > now:
            notices.announce_change(meeting, current_user, len(changes) + len(added))
        return any(c.fields for c in changes) or added or dropped
    start, end = recurrence.span(
        form.date.data, form.start_time.data, form.end_time.data, timezone, strict=True
    )
    change = schedule.apply(meeting, details(form), start, end, now)
    notices.tell_promoted(meeting, change.promoted)
    if change.material and meeting.ends_at > now:
        notices.announce_change(meeting, current_user)
    return bool(change.fields)


@bp.route("/meetings/<int:meeting_id>/cancel", methods=["GET", "POST"])
@access(MEMBER, manages_meeting)
def cancel(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    if meeting.cancelled:
        flash(_("This meeting has already been cancelled."), "info")
        return go(url_for("meetings.detail", meeting_id=meeting.id))
    form = CancelForm()
    if form.validate_on_submit():
        now = utcnow()
        if meeting.series_id and form.scope.data == "following":
            cancelled = schedule.cancel_following(meeting, form.reason.data, now)
        else:
            cancelled = [meeting] if schedule.cancel(meeting, form.reason.data, now) else []
        if cancelled and meeting.ends_at > now:
            notices.announce_cancelled(meeting, current_user, len(cancelled))
        db.session.commit()
        number = len(cancelled)
        flash(
            ngettext(
                "The meeting has been cancelled.", "%(num)d meetings have been cancelled.", number
            ),
            "success",
        )
        return go(url_for("meetings.detail", meeting_id=meeting.id))
    return render("meetings/cancel.html", form=form, meeting=meeting, status=form_status())
