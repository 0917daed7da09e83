"""Telling members about meetings: new, changed, cancelled, a place freed, tomorrow.

Each message goes out in the recipient's own language, to active members who want
meeting notices (``User.notify_meetings``), e-mailed when SMTP is configured and always
kept in the outbox. The caller commits.
"""

from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..admin.models import current_network
from ..extensions import db
from ..mail import deliver
from ..members.models import User
from ..web import external_url
from . import reminders
from .models import Meeting, ReminderSent, Rsvp
from .text import rhythm, when


def recipients(exclude=None, ids=None):
    """Active members who want meeting notices (optionally only ``ids``)."""
    query = (
        select(User)
        .where(User.active.is_(True), User.erased.is_(False), User.notify_meetings.is_(True))
        .order_by(User.id)
    )
    if exclude is not None:
        query = query.where(User.id != exclude.id)
    if ids is not None:
        query = query.where(User.id.in_(list(ids)))
    return db.session.scalars(query).all()


def where(meeting):
    parts = [meeting.place, meeting.online_url]
    return " · ".join(p for p in parts if p)


def _details(meeting):
    lines = [meeting.title, when(meeting)]
    if where(meeting):
        lines.append(where(meeting))
    return "\n".join(lines)


def _send(users, kind, meeting, subject, body):
    """``subject`` and ``body`` are called per recipient, inside their language."""
    link = external_url("meetings.detail", meeting_id=meeting.id)
    for user in users:
        with force_locale(user.locale):
            deliver(kind, subject(), body() + "\n\n" + link, user=user, link=link)


def _announce(kind, meeting, actor, subject, body):
    """Tell every member who wants meeting notices, except the one who did it."""
    _send(recipients(exclude=actor), kind, meeting, subject, body)


def announce_new(meeting, actor, series=None, count=1):
    def body():
        text = _details(meeting)
        if series is not None:
            text += "\n" + ngettext(
                "Part of a series: %(rhythm)s, %(num)d meeting.",
                "Part of a series: %(rhythm)s, %(num)d meetings.",
                count,
                rhythm=rhythm(series),
            )
        return text + "\n\n" + _("Are you coming? Answer in one tap:")

    _announce(
        "meeting_new",
        meeting,
        actor,
        lambda: _("New meeting: %(title)s", title=meeting.title),
        body,
    )


def announce_change(meeting, actor, count=1):
    def body():
        text = _("This meeting has changed. Now:") + "\n" + _details(meeting)
        if count > 1:
            text += "\n" + ngettext(
                "The meeting after it in the series has changed too.",
                "The %(num)d meetings after it in the series have changed too.",
                count - 1,
            )
        return text

    _announce(
        "meeting_changed",
        meeting,
        actor,
        lambda: _("Changed: %(title)s", title=meeting.title),
        body,
    )


def announce_cancelled(meeting, actor, count=1):
    def body():
        text = _("This meeting has been cancelled:") + "\n" + _details(meeting)
        if count > 1:
            text += "\n" + ngettext(
                "The meeting after it in the series is cancelled too.",
                "The %(num)d meetings after it in the series are cancelled too.",
                count - 1,
            )
        if meeting.cancel_reason:
            text += "\n\n" + _("Reason: %(reason)s", reason=meeting.cancel_reason)
        return text

    _announce(
        "meeting_cancelled",
        meeting,
        actor,
        lambda: _("Cancelled: %(title)s", title=meeting.title),
        body,
    )


def tell_promoted(meeting, user_ids):
    """A place opened up: those who moved up from the waiting list hear it at once
    (even if they turned general meeting notices off: they asked for this place)."""
    if not user_ids:
        return
    users = db.session.scalars(
        select(User).where(User.id.in_(list(user_ids)), User.active.is_(True))
    ).all()
    _send(
        users,
        "meeting_place",
        meeting,
        lambda: _("You have a place: %(title)s", title=meeting.title),
        lambda: _("A place opened up and it is yours:") + "\n" + _details(meeting),
    )


def send_reminders(now):
    """The day-before reminder, once per member and meeting; returns how many went out."""
    network = current_network()
    timezone = network.timezone if network else "Europe/Amsterdam"
    begin, end = reminders.window(now, timezone)
    meetings = db.session.scalars(
        select(Meeting)
        .where(Meeting.starts_at > begin, Meeting.starts_at < end, Meeting.cancelled_at.is_(None))
        .order_by(Meeting.starts_at)
    ).all()
    members = recipients()
    sent = 0
    for meeting in meetings:
        answers = dict(
            db.session.execute(
                select(Rsvp.user_id, Rsvp.answer).where(Rsvp.meeting_id == meeting.id)
            ).all()
        )
        done = set(
            db.session.scalars(
                select(ReminderSent.user_id).where(ReminderSent.meeting_id == meeting.id)
            )
        )
        wanted = set(reminders.recipients([(u.id, True) for u in members], answers, done))
        users = [u for u in members if u.id in wanted]
        for user in users:
            db.session.add(ReminderSent(meeting_id=meeting.id, user_id=user.id, sent_at=now))
        try:  # recorded before sending: at most once, even if sending fails halfway
            db.session.commit()
        except IntegrityError:  # a concurrent run got here first: it sends them
            db.session.rollback()
            continue
        _send(
            users,
            "meeting_reminder",
            meeting,
            lambda m=meeting: _("Reminder: %(title)s", title=m.title),
            lambda m=meeting: _details(m),
        )
        db.session.commit()
        sent += len(users)
    return sent
