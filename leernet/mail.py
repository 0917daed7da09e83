"""Every message the app sends, recorded: a member's in their inbox, the rest in the outbox.

A message to one member is theirs alone (``/inbox``); how it reaches them beyond the
inbox (right away by e-mail and push, in a digest, or not) is their choice per topic
(``inbox/kinds.py``). Only messages meant to be passed on, such as invitations, wait in
the coordinator's outbox: learning networks often live in chat groups. Mail and push
leave after the response (``inbox/dispatch.py``), never inside it.
"""

import smtplib
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .extensions import db
from .timeutil import UTCDateTime, utcnow


class OutboxMessage(db.Model):
    __table_args__ = (Index("ix_outbox_message_user_read", "user_id", "read_at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    to_email: Mapped[str] = mapped_column(String(254), default="")
    to_name: Mapped[str] = mapped_column(String(120), default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    link: Mapped[str] = mapped_column(String(500), default="")
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    sent_at = mapped_column(UTCDateTime, nullable=True)
    error: Mapped[str] = mapped_column(String(300), default="")
    #: The member's choice when it was sent: now, daily, weekly or inbox (see kinds.py).
    delivery: Mapped[str] = mapped_column(String(10), default="now", server_default="now")
    read_at = mapped_column(UTCDateTime, nullable=True)
    #: Set by the one sender that takes a "now" message (after the response or the queue).
    claimed_at = mapped_column(UTCDateTime, nullable=True)
    digest_id: Mapped[int | None] = mapped_column(
        ForeignKey("digest.id", ondelete="SET NULL"), nullable=True, index=True
    )


def smtp_configured():
    return bool(current_app.config["MAIL_SERVER"])


def _send_smtp(to_email, subject, body):
    config = current_app.config
    email = EmailMessage()
    email["From"] = config["MAIL_SENDER"]
    email["To"] = to_email
    email["Subject"] = subject
    email.set_content(body)
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=15) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(email)


def send_mail(to_email, subject, body):
    """Send one e-mail now; returns the error text, or "" when it went."""
    try:
        _send_smtp(to_email, subject, body)
    except (OSError, smtplib.SMTPException) as error:
        current_app.logger.warning("mail to %s failed: %s", to_email, error)
        return str(error)[:300] or error.__class__.__name__
    return ""


def deliver(kind, subject, body, *, to_email="", to_name="", user=None, link=""):
    """Record a message; mail and push leave after the response. The caller commits."""
    from .inbox import dispatch
    from .inbox.preferences import mode_for

    message = OutboxMessage(
        kind=kind,
        subject=subject[:200],
        body=body,
        to_email=to_email or (user.email if user else ""),
        to_name=to_name or (user.name if user else ""),
        user_id=user.id if user else None,
        link=link,
        delivery=mode_for(kind, user),
    )
    db.session.add(message)
    dispatch.queue(message)
    return message
