"""Daily and weekly digests: one e-mail per member and period with what is new.

Safe to run from cron as often as you like, and twice at once: the ``Digest`` row for
(member, period, key) is inserted first and is unique, so one run makes it; messages
join it by an UPDATE that only takes those in no digest yet, so each message is in at
most one digest. Without SMTP the digest is recorded, its messages wait unread in the
inbox, and a member with notifications on gets one push saying how many.
"""

from zoneinfo import ZoneInfo

from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..admin.models import current_network
from ..extensions import db
from ..members.models import User
from ..web import external_url
from .kinds import DAILY, DIGESTS
from .models import Digest


def period_key(period, now, timezone):
    """``2026-12-07`` for a daily digest, ``2026-W49`` for a weekly one (network time)."""
    local = now.astimezone(ZoneInfo(timezone))
    if period == DAILY:
        return local.date().isoformat()
    year, week, _day = local.isocalendar()
    return f"{year}-W{week:02d}"


def send_digests(now):
    """Make the digests that are due; returns how many were made."""
    from ..mail import OutboxMessage

    network = current_network()
    timezone = network.timezone if network else "Europe/Amsterdam"
    waiting = db.session.execute(
        select(OutboxMessage.user_id, OutboxMessage.delivery)
        .where(
            OutboxMessage.delivery.in_(DIGESTS),
            OutboxMessage.digest_id.is_(None),
            OutboxMessage.user_id.is_not(None),
            OutboxMessage.created_at <= now,
        )
        .distinct()
    ).all()
    made = 0
    for user_id, period in sorted(waiting):
        digest = Digest(user_id=user_id, period=period, key=period_key(period, now, timezone))
        db.session.add(digest)
        try:
            db.session.commit()
        except IntegrityError:  # this period's digest is made (now or by a concurrent run)
            db.session.rollback()
            continue
        db.session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.user_id == user_id,
                OutboxMessage.delivery == period,
                OutboxMessage.digest_id.is_(None),
                OutboxMessage.created_at <= now,
            )
            .values(digest_id=digest.id)
        )
        db.session.commit()
        _send(digest)
        db.session.commit()
        made += 1
    return made


def _send(digest):
    from ..mail import OutboxMessage, send_mail, smtp_configured
    from . import push

    user = db.session.get(User, digest.user_id)
    if user is None or not user.is_active:
        return
    messages = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.digest_id == digest.id)
        .order_by(OutboxMessage.created_at, OutboxMessage.id)
    ).all()
    if not messages:
        return
    if not smtp_configured():
        push.summary(user, len(messages))
        return
    with force_locale(user.locale):
        subject, body = compose(messages, digest.period)
    digest.error = send_mail(user.email, subject, body)
    if not digest.error:
        digest.sent_at = digest.created_at


def compose(messages, period):
    """Subject and text of a digest: each message's subject and link, then the inbox."""
    network = current_network()
    name = network.name if network else "leernet"
    if period == DAILY:
        subject = ngettext(
            "Daily digest from %(network)s: %(num)d new message",
            "Daily digest from %(network)s: %(num)d new messages",
            len(messages),
            network=name,
        )
    else:
        subject = ngettext(
            "Weekly digest from %(network)s: %(num)d new message",
            "Weekly digest from %(network)s: %(num)d new messages",
            len(messages),
            network=name,
        )
    lines = []
    for message in messages:
        lines.append(f"- {message.subject}")
        if message.link:
            lines.append(f"  {message.link}")
    lines += ["", _("All your messages: %(link)s", link=_inbox_link())]
    return subject, "\n".join(lines)


def _inbox_link():
    from flask import has_request_context

    if has_request_context():
        return external_url("inbox.index")
    from ..cli import base_url

    return base_url() + "/inbox"
