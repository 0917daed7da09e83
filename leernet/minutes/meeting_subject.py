"""Meetings as a subject of minutes: ``/meetings/<id>/minutes``.

A meeting's *attendees* (who read attendee-only minutes and amend shared ones) are the
members checked in, plus the host. Check-in is not used at every meeting, so until
anyone has checked in, the members who said yes (not on the waiting list) count as
attendees instead. Its managers are the host, whoever scheduled it, and coordinators.
"""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import inspect, select

from ..extensions import db
from ..meetings.models import Attendance, Meeting, Rsvp
from ..meetings.policy import may_manage
from ..members.models import User
from . import rules
from .subjects import Subject, register


def _loaded(meeting, name):
    return name not in inspect(meeting).unloaded


def attendees(meeting):
    """The ids of a meeting's attendees (see the module's docstring)."""
    if _loaded(meeting, "attendances"):
        ids = {a.user_id for a in meeting.attendances}
    else:
        query = select(Attendance.user_id).where(Attendance.meeting_id == meeting.id)
        ids = set(db.session.scalars(query))
    if not ids:
        if _loaded(meeting, "rsvps"):
            ids = {r.user_id for r in meeting.rsvps if r.answer == "yes" and not r.waiting}
        else:
            ids = set(
                db.session.scalars(
                    select(Rsvp.user_id).where(
                        Rsvp.meeting_id == meeting.id, Rsvp.answer == "yes", Rsvp.waiting.is_(False)
                    )
                )
            )
    if meeting.host_id:
        ids.add(meeting.host_id)
    return ids


def coordinator_ids():
    return set(
        db.session.scalars(
            select(User.id).where(
                User.is_coordinator.is_(True), User.active.is_(True), User.erased.is_(False)
            )
        )
    )


def managers(meeting):
    ids = coordinator_ids()
    return ids | {i for i in (meeting.host_id, meeting.created_by_id) if i}


def initial_text(meeting):
    """A skeleton to start from: who was there and the agenda's points."""
    from flask_babel import gettext as _

    from ..meetings.attendance import present_members

    names = ", ".join(m.name for m in present_members(meeting) if m.is_active)
    present, agenda, discussed, agreed = _("Present"), _("Agenda"), _("Discussed"), _("Agreed")
    parts = [f"**{present}:** {names}".rstrip()]
    if meeting.agenda:
        parts += [f"## {agenda}", meeting.agenda.strip()]
    parts += [f"## {discussed}", "", f"## {agreed}", "- "]
    return "\n\n".join(parts) + "\n"


MEETING = register(
    Subject(
        kind="meeting",
        label=_l("Meeting"),
        load=lambda subject_id: db.session.get(Meeting, subject_id),
        title=lambda meeting: meeting.title,
        url=lambda meeting: url_for("meetings.detail", meeting_id=meeting.id),
        meeting_id=lambda meeting: meeting.id,
        people=attendees,
        manages=may_manage,
        managers=managers,
        visibilities=(rules.ATTENDEES, rules.NETWORK),
        initial_text=initial_text,
        url_arg="meeting_id",
    )
)
