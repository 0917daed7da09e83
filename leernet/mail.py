"""Outgoing messages: e-mailed when SMTP is configured, otherwise kept in an outbox.

Learning networks often live in chat groups, so the outbox is a first-class path:
the coordinator copies a link from it into the group. Every message is recorded.
"""

import smtplib
from email.message import EmailMessage

from flask import current_app
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .extensions import db
from .timeutil import UTCDateTime, utcnow


class OutboxMessage(db.Model):
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


def smtp_configured():
    return bool(current_app.config["MAIL_SERVER"])


def _send_smtp(message):
    config = current_app.config
    email = EmailMessage()
    email["From"] = config["MAIL_SENDER"]
    email["To"] = message.to_email
    email["Subject"] = message.subject
    email.set_content(message.body)
    with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=15) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        smtp.send_message(email)


def deliver(kind, subject, body, *, to_email="", to_name="", user=None, link=""):
    """Record a message and e-mail it when possible; the caller commits."""
    message = OutboxMessage(
        kind=kind,
        subject=subject[:200],
        body=body,
        to_email=to_email or (user.email if user else ""),
        to_name=to_name or (user.name if user else ""),
        user_id=user.id if user else None,
        link=link,
    )
    db.session.add(message)
    if smtp_configured() and message.to_email:
        try:
            _send_smtp(message)
        except (OSError, smtplib.SMTPException) as error:
            message.error = str(error)[:300]
            current_app.logger.warning("mail to %s failed: %s", message.to_email, error)
        else:
            message.sent_at = utcnow()
    return message
