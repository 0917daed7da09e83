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


class Refused(Exception):
    """A change the rules refuse: ``str(refused)`` is said to the facilitator."""

    def __init__(self, message, status=422):
        super().__init__(message)
        self.status = status


def propose(session, plan, form):
    roles.propose_again(session, plan)
    return _("Roles proposed again.")


def assign(session, plan, form):
    """``role`` to ``member`` ("" empties it)."""
    role, member = form.get("role", ""), int_or_none(form.get("member"))
    if role not in plan.roles or (member is not None and session.participant(member) is None):
        raise Refused(_("Choose a role and someone in this group."))
    try:
        chosen = assignment.reassign(roles.current(session, plan), role, member)
    except assignment.AssignmentError:
        abort(400)
    roles.apply(session, chosen)
    session.roles_edited = True
    return _("Roles changed.")


def add(session, plan, form):
    """``member``, checked in and in no other group, joins."""
    if session.case_question and not session.case_removed:
        # Whoever joins now would read the case: only with the case-bringer's consent,
        # given by taking the case back (emptying it) and writing it again after.
        raise Refused(_("The case has been written: someone can join only after the "
                        "case-bringer has taken it back."), 409)  # fmt: skip
    member = int_or_none(form.get("member"))
    if member is None or session.participant(member) or member not in attendee_ids(session.meeting):
        raise Refused(_("Only someone who checked in can join."))
    if member in sessions.taken_ids(session.meeting):
        raise Refused(_("This person is already in another group."))
    session.participants.append(Participant(user_id=member))
    return _again(session, plan, _("Added to the group."))


def remove(session, plan, form):
    """``member`` leaves."""
    leaving = session.participant(int_or_none(form.get("member")))
    if leaving is None:
        raise Refused(_("This person is not in the group."))
    session.participants.remove(leaving)
    return _again(session, plan, _("Removed from the group."))


def _again(session, plan, message):
    """After the group changed: roles proposed afresh, unless someone chose them."""
    db.session.flush()
    if not session.roles_edited:
        roles.propose_again(session, plan)
    return message


#: What the roles form can ask for (its ``do``).
CHANGES = {"propose": propose, "assign": assign, "add": add, "remove": remove}


@bp.route("/<int:session_id>/roles", methods=["POST"])
@access(MEMBER, session_controller)
def change_roles(session_id):
    """``do`` names one of ``CHANGES``."""
    session, _now = load_session(session_id)
    refusal = not_started(session)
    if refusal:
        return answer(session_id, refusal, 409)
    change = CHANGES.get(request.form.get("do", ""))
    if change is None:
        abort(400)
    try:
        message = change(session, Plan(session.plan), request.form)
    except Refused as refused:
        return answer(session_id, str(refused), refused.status)
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
