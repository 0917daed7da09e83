"""What participants write: the case question, phase notes, reflection, follow-up reports.

All of it is confidential to the session's participants, so each route's rule is about
the role in *this* session (a coordinator's title does not open it). The minute-taker's
notes autosave while they type: a small answer, no page. Once the session is finished,
its participants find the minutes drawn from those notes behind the page's link.
"""

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ...access import MEMBER, access
from ...extensions import db
from ...i18n import format_time
from ...web import wants_fragment
from .. import bp, followup, minutes, roles
from ..core import timer
from ..models import Commitment, PhaseNote
from ..plans import Plan
from ..policy import session_case_bringer, session_minute_taker, session_participant
from .before_start import answer
from .forms import CaseForm, FollowUpForm, NoteForm, ReflectionForm
from .session import load_session


def removed(session):
    return session.case_removed and _("The case details of this session have been removed.")


@bp.route("/<int:session_id>/case", methods=["POST"])
@access(MEMBER, session_case_bringer)
def case(session_id):
    session, _now = load_session(session_id)
    if session.status == timer.FINISHED or session.case_removed:
        return answer(session_id, _("The case can no longer be changed."), 409)
    form = CaseForm()
    if not form.validate_on_submit():
        return answer(session_id, " ".join(e for f in form for e in f.errors), 422)
    session.case_question = (form.case_question.data or "").strip()
    session.expires_after_days = form.expires_after_days.data
    roles.bump(session)
    db.session.commit()
    return answer(session_id, _("Your case question is saved."), kind="success")


@bp.route("/<int:session_id>/notes/<int:phase>", methods=["POST"])
@access(MEMBER, session_minute_taker)
def note(session_id, phase):
    session, now = load_session(session_id)
    if not 0 <= phase < Plan(session.plan).count:
        abort(404)
    if session.status == timer.READY or session.case_removed:
        return _saved(session_id, _("Notes can be taken once the session runs."), 409)
    form = NoteForm()
    if not form.validate_on_submit():
        return _saved(session_id, " ".join(form.text.errors) or _("Not saved."), 422)
    with minutes.following_notes(session, now):
        row = db.session.scalar(
            select(PhaseNote).where(PhaseNote.session_id == session.id, PhaseNote.phase == phase)
        )
        if row is None:
            row = PhaseNote(session_id=session.id, phase=phase)
            db.session.add(row)
        row.text = form.text.data or ""
        row.author_id = current_user.id
        row.updated_at = now
    db.session.commit()
    return _saved(session_id, _("Saved at %(time)s", time=format_time(now, "HH:mm:ss")))


def _saved(session_id, message, status=200):
    if wants_fragment():
        return message, status, {"Content-Type": "text/plain; charset=utf-8"}
    return answer(session_id, message, status)


@bp.route("/<int:session_id>/reflection", methods=["POST"])
@access(MEMBER, session_case_bringer)
def reflection(session_id):
    session, now = load_session(session_id)
    if session.status != timer.FINISHED:
        return answer(session_id, _("The reflection comes at the end of the session."), 409)
    if session.case_removed:
        return answer(session_id, removed(session), 409)
    form = ReflectionForm()
    if not form.validate_on_submit():
        return answer(session_id, " ".join(e for f in form for e in f.errors), 422)
    row = db.session.scalar(
        select(Commitment).where(
            Commitment.session_id == session.id, Commitment.user_id == current_user.id
        )
    )
    if row is None:
        row = Commitment(session_id=session.id, user_id=current_user.id, created_at=now)
        db.session.add(row)
    row.reflection = (form.reflection.data or "").strip()
    row.action = form.action.data or ""
    row.updated_at = now
    roles.bump(session)  # the others' phones show it with their next poll
    db.session.commit()
    return answer(
        session_id, _("Thank you. Your group will ask about it next time."), kind="success"
    )


@bp.route("/<int:session_id>/followup/<int:commitment_id>", methods=["POST"])
@access(MEMBER, session_participant)
def follow_up(session_id, commitment_id):
    session, now = load_session(session_id)
    item = next(
        (c for c in followup.items(session, current_user.id) if c.id == commitment_id), None
    )
    if item is None:
        abort(404)
    if item.user_id != current_user.id:
        abort(403)
    form = FollowUpForm()
    if not form.validate_on_submit():
        return answer(session_id, _("Choose done, partly or not yet."), 422)
    followup.report(item, session, form.status.data, form.note.data or "", now)
    db.session.commit()
    return answer(session_id, _("Thank you for reporting back."), kind="success")


@bp.route("/<int:session_id>/minutes")
@access(MEMBER, session_participant)
def session_minutes(session_id):
    """The session's minutes (drawn up at the finish; for an older session, now)."""
    session, now = load_session(session_id)
    if session.status != timer.FINISHED:
        flash(_("The minutes are drawn up from the notes when the session finishes."), "info")
        return redirect(url_for("intervision.session_page", session_id=session_id))
    found = minutes.minutes_of(session, now)
    db.session.commit()
    return redirect(url_for("minutes.view", minutes_id=found.id))
