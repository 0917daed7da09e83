"""The "how was it?" message after a meeting, with the check-out link: once per member
and meeting, to those who were there, want meeting notices and have not checked out."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..mail import deliver
from ..meetings.models import Attendance, Meeting
from ..members.models import User
from ..web import external_url
from . import rules
from .models import CheckOut, CheckoutInvite


def send_checkout_invites(now):
    """Send what is due; returns how many messages went out. Safe to run often."""
    since, until = rules.invite_window(now)
    meetings = db.session.scalars(
        select(Meeting)
        .where(Meeting.ends_at > since, Meeting.ends_at <= until, Meeting.cancelled_at.is_(None))
        .order_by(Meeting.ends_at)
    ).all()
    sent = 0
    for meeting in meetings:
        attendees = db.session.scalars(
            select(User)
            .join(Attendance, Attendance.user_id == User.id)
            .where(Attendance.meeting_id == meeting.id, User.active.is_(True))
            .where(User.erased.is_(False))
            .order_by(User.id)
        ).all()
        done = set(
            db.session.scalars(
                select(CheckoutInvite.user_id).where(CheckoutInvite.meeting_id == meeting.id)
            )
        )
        checked_out = set(
            db.session.scalars(select(CheckOut.user_id).where(CheckOut.meeting_id == meeting.id))
        )
        wanted = set(
            rules.invite_recipients(
                [(u.id, u.notify_meetings) for u in attendees], checked_out, done
            )
        )
        users = [u for u in attendees if u.id in wanted]
        for user in users:
            db.session.add(CheckoutInvite(meeting_id=meeting.id, user_id=user.id, sent_at=now))
        try:  # recorded before sending: at most once, even if sending fails halfway
            db.session.commit()
        except IntegrityError:  # a concurrent run got here first: it sends them
            db.session.rollback()
            continue
        link = external_url("value.checkout", meeting_id=meeting.id)
        for user in users:
            with force_locale(user.locale):
                deliver(
                    "value_checkout",
                    _("How was %(title)s?", title=meeting.title),
                    _(
                        "Thank you for coming to %(title)s. How useful was it, and what did it "
                        "bring you? It takes 30 seconds, and you can change it for a week:",
                        title=meeting.title,
                    )
                    + "\n\n"
                    + link,
                    user=user,
                    link=link,
                )
        db.session.commit()
        sent += len(users)
    return sent
