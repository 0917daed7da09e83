"""Meetings: the list, a meeting's page and its .ics, and a series.

The blueprint has no URL prefix because it serves two areas: ``/meetings/...`` and the
private calendar feed under ``/calendar/``. Editing, answering and the calendar pages
live in their own modules, imported at the bottom to register their routes.
"""

from flask import Response, abort, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..access import MEMBER, access
from ..extensions import db
from ..timeutil import utcnow
from ..web import external_url, render
from . import bp, panel, text
from .attendance import attendance_counts, host_may_record
from .feed import network_timezone
from .ical import calendar, meeting_event
from .models import Meeting, Series
from .policy import may_manage, may_schedule
from .rsvp import mine, tally
from .sections import sections_for

text.register(bp)
PER_PAGE = 20


def listing(when, now):
    query = select(Meeting).options(joinedload(Meeting.host))
    if when == "past":
        return query.where(Meeting.ends_at < now).order_by(
            Meeting.starts_at.desc(), Meeting.id.desc()
        )
    return query.where(Meeting.ends_at >= now).order_by(Meeting.starts_at, Meeting.id)


@bp.route("/meetings/")
@access(MEMBER)
def index():
    when = "past" if request.args.get("when") == "past" else "upcoming"
    now = utcnow()
    page = db.paginate(listing(when, now), per_page=PER_PAGE, error_out=False)
    ids = [m.id for m in page.items]
    return render(
        "meetings/index.html",
        "meetings/_list.html",
        page=page,
        when=when,
        counts=tally(ids),
        mine=mine(current_user, ids),
        present=attendance_counts(ids) if when == "past" else {},
        may_schedule=may_schedule(current_user),
    )


@bp.route("/meetings/<int:meeting_id>")
@access(MEMBER)
def detail(meeting_id):
    meeting = panel.load(meeting_id)
    if meeting is None:
        abort(404)
    now = utcnow()
    return render(
        "meetings/detail.html",
        meeting=meeting,
        p=panel.from_loaded(meeting, current_user, now),
        manage=may_manage(current_user, meeting),
        record=host_may_record(meeting, now),
        sections=sections_for(meeting, current_user),
    )


@bp.route("/meetings/<int:meeting_id>.ics")
@access(MEMBER)
def ics(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    timezone = network_timezone()
    url = external_url("meetings.detail", meeting_id=meeting.id)
    cal = calendar([meeting_event(meeting, url, timezone)], meeting.title, timezone)
    return Response(
        cal.to_ical(),
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="meeting-{meeting.id}.ics"'},
    )


@bp.route("/meetings/series/<int:series_id>")
@access(MEMBER)
def series(series_id):
    item = db.get_or_404(Series, series_id)
    meetings = db.session.scalars(
        select(Meeting).where(Meeting.series_id == item.id).order_by(Meeting.starts_at)
    ).all()
    ids = [m.id for m in meetings]
    return render(
        "meetings/series.html",
        series=item,
        meetings=meetings,
        counts=tally(ids),
        mine=mine(current_user, ids),
        now=utcnow(),
    )
