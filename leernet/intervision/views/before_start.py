"""Before the start: roles (swap, hand out, propose again), who takes part, volunteer or pass.

Only while the session has not started: once the clock runs, the roles are what is
held. Every change bumps the session's version so every phone's poll picks it up.
Changes answer with the live fragment (htmx) or go back to the session page.
"""

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ...access import MEMBER, access
from ...extensions import db
from ...meetings.attendance import attendee_ids
from ...web import go, wants_fragment
from .. import bp, roles, sessions
from ..core import assignment, timer
from ..models import Participant
from ..plans import Plan
from ..policy import forget, session_controller, session_participant
from .session import load_session, show


def answer(session_id, message=None, status=200, kind="info"):
    forget(session_id, current_user)
    if wants_fragment():
        session, now = load_session(session_id)
        return show(session, now, message, status=status)
    if message:
        flash(message, kind)
    return go(url_for("intervision.session_page", session_id=session_id))


def not_started(session):
    if session.status != timer.READY:
        return _("The session has started: the roles are fixed now.")
    return None


def int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@bp.route("/<int:session_id>/roles", methods=["POST"])
@access(MEMBER, session_controller)
def change_roles(session_id):
    """``do``: ``propose`` (again), ``assign`` (``role`` to ``member``; "" empties it),
    ``add`` (``member`` joins) or ``remove`` (``member`` leaves)."""
    session, _now = load_session(session_id)
    refusal = not_started(session)
    if refusal:
        return answer(session_id, refusal, 409)
    plan = Plan(session.plan)
    do = request.form.get("do", "")
    member = int_or_none(request.form.get("member"))
    people = {p.user_id: p for p in session.participants}
    if do == "propose":
        roles.propose_again(session, plan)
        message = _("Roles proposed again.")
    elif do == "assign":
        role = request.form.get("role", "")
        if role not in plan.roles or (member is not None and member not in people):
            return answer(session_id, _("Choose a role and someone in this group."), 422)
        try:
            chosen = assignment.reassign(roles.current(session, plan), role, member)
        except assignment.AssignmentError:
            abort(400)
        roles.apply(session, chosen)
        session.roles_edited = True
        message = _("Roles changed.")
    elif do == "add":
        if session.case_question and not session.case_removed:
            # Whoever joins now would read the case: only with the case-bringer's consent,
            # given by taking the case back (emptying it) and writing it again after.
            message = _("The case has been written: someone can join only after the "
                        "case-bringer has taken it back.")  # fmt: skip
            return answer(session_id, message, 409)
        if member is None or member in people or member not in attendee_ids(session.meeting):
            return answer(session_id, _("Only someone who checked in can join."), 422)
        if member in sessions.taken_ids(session.meeting):
            return answer(session_id, _("This person is already in another group."), 422)
        session.participants.append(Participant(user_id=member))
        db.session.flush()
        if not session.roles_edited:
            roles.propose_again(session, plan)
        message = _("Added to the group.")
    elif do == "remove":
        leaving = people.get(member)
        if leaving is None:
            return answer(session_id, _("This person is not in the group."), 422)
        session.participants.remove(leaving)
        db.session.flush()
        if not session.roles_edited:
            roles.propose_again(session, plan)
        message = _("Removed from the group.")
    else:
        abort(400)
    roles.bump(session)
    db.session.commit()
    return answer(session_id, message, kind="success")


@bp.route("/<int:session_id>/me", methods=["POST"])
@access(MEMBER, session_participant)
def my_part(session_id):
    """Volunteer to bring a case, or pass this time (``choice``: volunteer, pass, none)."""
    session, _now = load_session(session_id)
    refusal = not_started(session)
    if refusal:
        return answer(session_id, refusal, 409)
    me = session.participant(current_user.id)
    choice = request.form.get("choice", "")
    if choice not in ("volunteer", "pass", "none"):
        abort(400)
    me.volunteered = choice == "volunteer"
    me.passed = choice == "pass"
    if not session.roles_edited:
        roles.propose_again(session, Plan(session.plan))
    roles.bump(session)
    db.session.commit()
    messages = {
        "volunteer": _("Thank you: you are first in line to bring a case."),
        "pass": _("You pass this time: you get no role."),
        "none": _("Noted."),
    }
    return answer(session_id, messages[choice], kind="success")
