"""Intervision: my sessions, a session's live page, its state poll and its timer controls.

The poll (``state``) is the hot path: every phone asks every two seconds. It answers
from the one row its access rule already read: ``204`` when the version the phone
shows is still current (no template, no further query), the phone's fragment when it
changed, ``286`` (htmx: stop polling) once the session is finished and its reflection
saved (or the meeting over): until then the others' phones wait for the reflection.
"""

from flask import Response, abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import joinedload, load_only

from ...access import MEMBER, access
from ...compression import uncompressed
from ...extensions import db
from ...meetings.models import Meeting
from ...timeutil import utcnow
from ...web import go, render, wants_fragment
from .. import bp, followup, live, privacy, sessions
from ..core import timer
from ..models import Participant, Session
from ..plans import Plan
from ..policy import forget, seen, session_controller, session_viewer
from . import labels, page

NO_STORE = {"Cache-Control": "no-store"}
#: Sessions listed on "my sessions" (the newest; lists show 20 throughout).
SHOWN = 20
LIVE = "intervision/_live.html"


@bp.route("/")
@access(MEMBER)
def index():
    rows = db.session.execute(
        select(Session, Participant.role)
        .join(Participant, Participant.session_id == Session.id)
        .join(Meeting, Meeting.id == Session.meeting_id)
        .where(Participant.user_id == current_user.id)
        .options(
            # What a list row shows: not the case, nor the meeting's agenda.
            load_only(Session.name, Session.status, Session.plan, Session.meeting_id),
            joinedload(Session.meeting).load_only(
                Meeting.title, Meeting.starts_at, Meeting.ends_at
            ),
        )
        .order_by(Meeting.starts_at.desc(), Session.id)
        .limit(SHOWN)
    ).all()
    now = utcnow()
    current = [(s, r) for s, r in rows if s.status != timer.FINISHED and s.meeting.ends_at > now]
    past = [(s, r) for s, r in rows if (s, r) not in current]
    return render("intervision/index.html", current=current[::-1], past=past)


def load_session(session_id):
    session = sessions.load(session_id)
    if session is None:
        abort(404)
    now = utcnow()
    if request.method == "GET":
        privacy.hide_if_due(session, now)
    elif privacy.expire_if_due(session, now):
        session = sessions.load(session_id)
    return session, now


def show(session, now, message=None, status=200, fragment=False):
    """The session page, or only the live fragment (htmx, and always for the poll)."""
    ctx = page.context(session, current_user, now, message)
    if fragment or wants_fragment():
        response = render(LIVE, LIVE, status, **ctx)
    else:
        ctx["followups"] = followup.items(session, current_user.id) if ctx["participant"] else []
        response = render("intervision/session.html", LIVE, status, **ctx)
    response.headers.update(NO_STORE)
    response.set_etag(str(session.version))
    return response


@bp.route("/<int:session_id>")
@access(MEMBER, session_viewer)
def session_page(session_id):
    session, now = load_session(session_id)
    return show(session, now)


@bp.route("/<int:session_id>/state")
@access(MEMBER, session_viewer)
@uncompressed
def state(session_id):
    """``?v=<version>`` (or ``If-None-Match``): 204/304 while nothing changed."""
    row = seen(current_user, session_id)
    shown = request.args.get("v", type=int)
    if shown == row.version:
        done = row.status == timer.FINISHED and not live.following(session_id, utcnow())
        code = 286 if done else 204
        return Response(status=code, headers={**NO_STORE, "ETag": f'"{row.version}"'})
    if shown is None and str(row.version) in request.if_none_match:
        return Response(status=304, headers={**NO_STORE, "ETag": f'"{row.version}"'})
    session, now = load_session(session_id)
    response = show(session, now, fragment=True)
    if session.status == timer.FINISHED and not live.following(session_id, now):
        response.status_code = 286
    return response


MESSAGES = {
    live.STALE: lambda: _("Someone else was just quicker. This is where the session is now."),
    live.REFUSED: lambda: _("That is not possible right now."),
    live.LAST_PHASE: lambda: _("This is the last phase: finish the session instead."),
}


@bp.route("/<int:session_id>/timer", methods=["POST"])
@access(MEMBER, session_controller)
def control(session_id):
    session, now = load_session(session_id)
    action = request.form.get("action", "")
    seen = request.form.get("version", type=int)
    outcome = live.control(session, action, seen, now, request.form.get("clock"))
    message = MESSAGES[outcome]() if outcome else None
    forget(session_id, current_user)
    session = sessions.load(session_id)
    if wants_fragment():
        refused = outcome in (live.REFUSED, live.LAST_PHASE)
        return show(session, utcnow(), message, status=409 if refused else 200)
    if message:
        flash(message, "info")
    return go(url_for("intervision.session_page", session_id=session_id))


@bp.app_template_filter("method_name")
def method_name(plan_data):
    return Plan(plan_data).name


@bp.app_template_global("role_label")
def role_label(role):
    return labels.role_label(role)
