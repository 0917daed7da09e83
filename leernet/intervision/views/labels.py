"""Rotation's reason and problem codes as sentences people read on their phone.

``rotation`` and ``assignment`` explain themselves with codes and numbers; this module
says them in the reader's language: "Facilitated 1 of 12 sessions, last on 3 March.
Held it least often of everyone here."
"""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ...i18n import format_date
from ..catalogue import ROLE_LABELS
from ..core import assignment, rotation
from ..models import FOLLOW_UP

STATUS = {
    "ready": _l("not started"),
    "running": _l("running"),
    "paused": _l("paused"),
    "finished": _l("finished"),
}
FOLLOW_UP_LABELS = dict(zip(FOLLOW_UP, (_l("done"), _l("partly"), _l("not yet")), strict=True))


def role_label(role):
    return ROLE_LABELS.get(role, "") if role else ""


def when(day, today):
    if day is None:
        return ""
    return format_date(day, "d MMMM" if day.year == today.year else "d MMMM y")


def held(role, times, sessions):
    if role == rotation.FACILITATOR:
        text = ngettext(
            "facilitated %(times)d of %(num)d session",
            "facilitated %(times)d of %(num)d sessions",
            sessions,
            times=times,
        )
    elif role == rotation.CASE_BRINGER:
        text = ngettext(
            "brought a case in %(times)d of %(num)d session",
            "brought a case in %(times)d of %(num)d sessions",
            sessions,
            times=times,
        )
    elif role == rotation.TIMEKEEPER:
        text = ngettext(
            "kept time in %(times)d of %(num)d session",
            "kept time in %(times)d of %(num)d sessions",
            sessions,
            times=times,
        )
    else:
        text = ngettext(
            "took minutes in %(times)d of %(num)d session",
            "took minutes in %(times)d of %(num)d sessions",
            sessions,
            times=times,
        )
    return text


def explain(explanation, names, today):
    """One or two sentences: the numbers, then why this person."""
    numbers = held(explanation.role, explanation.times_held, explanation.sessions)
    if explanation.sessions == 0:
        numbers = _("no sessions in the last year yet")
    elif explanation.last_held is not None:
        numbers = _("%(numbers)s, last on %(date)s", numbers=numbers,
                    date=when(explanation.last_held, today))  # fmt: skip
    other = names.get(explanation.runner_up, "")
    reasons = {
        rotation.LEAST_OFTEN: _("Held it least often of everyone here."),
        rotation.LONGEST_AGO: _("As often as %(name)s, but longer ago.", name=other),
        rotation.FEWER_ROLES: _("Equal on that, but fewer roles overall."),
        rotation.TIEBREAK: _("Equal on everything; the order of names decided."),
        rotation.VOLUNTEER: _("Volunteered to bring a case."),
        rotation.ONLY_CANDIDATE: _("The only one who could take this role."),
        rotation.LEFT_OVER: _("The others who could take it already had a role."),
        rotation.NO_ONE_ELSE: _("Facilitated last time too, but no one else can."),
        rotation.NEEDED_ELSEWHERE: _("%(name)s was needed for another role.", name=other),
        rotation.CHOSEN: _("Chosen by hand."),
    }
    first = numbers[:1].upper() + numbers[1:]
    return f"{first}. {reasons.get(explanation.reason, '')}".strip()


def problem(item, names):
    """A proposal's problem or a hand edit's warning, said plainly."""
    name = names.get(item.member_id, "")
    role = role_label(item.role)
    messages = {
        rotation.TOO_FEW_PARTICIPANTS: lambda: ngettext(
            "This method needs %(needed)d people for its roles, but only %(num)d can take "
            "one. The last roles stay open: share them, or add someone.",
            "This method needs %(needed)d people for its roles, but only %(num)d can take "
            "one. The last roles stay open: share them, or add someone.",
            item.available,
            needed=item.needed,
        ),
        rotation.NO_ELIGIBLE_FACILITATOR: lambda: _(
            "Nobody here has been in a session before, and a newcomer does not facilitate "
            "their first session. Choose a facilitator by hand."
        ),
        assignment.UNFILLED: lambda: _("Nobody is %(role)s yet.", role=role.lower()),
        assignment.NOT_PRESENT: lambda: _("%(name)s is not in this group.", name=name),
        assignment.PASSING_HAS_ROLE: lambda: _(
            "%(name)s passes this time but is %(role)s.", name=name, role=role.lower()
        ),
        assignment.TWO_ROLES: lambda: _("%(name)s holds two roles.", name=name),
        assignment.NEWCOMER_FACILITATES: lambda: _(
            "%(name)s facilitates in their very first session.", name=name
        ),
        assignment.FACILITATES_AGAIN: lambda: _("%(name)s also facilitated last time.", name=name),
    }
    message = messages.get(item.code)
    return message() if message else ""
