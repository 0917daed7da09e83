"""Mail and push leave after the response, or from the queue, never inside a request.

``deliver`` queues a "right away" message on ``g``; once the view has committed, the
``after_request`` hook hands the ids to ``response.call_on_close``, which runs when the
server has sent the response. A CLI command (reminders, closing notices) sends when its
app context ends. Each message is claimed by one atomic UPDATE first, so two senders
(a worker and ``send-digests`` picking up what a dead worker left) never both send it.
"""

from datetime import timedelta

from flask import current_app, g
from sqlalchemy import inspect, select, update

from ..extensions import db
from ..timeutil import utcnow
from .kinds import NOW, SENT_ONLY

#: A "right away" message still unclaimed after this long was left by a worker that
#: stopped before its response closed; the queue (``send-digests``) sends it.
STRANDED_AFTER = timedelta(minutes=2)


def queue(message):
    if message.delivery == NOW:
        g.setdefault("outgoing", []).append(message)


def _committed_ids():
    """Ids of the queued messages that were stored (none if the request rolled back)."""
    ids = []
    for message in g.pop("outgoing", ()):
        state = inspect(message)
        if (state.persistent or state.detached) and state.identity:
            ids.append(state.identity[0])
    return ids


def after_request(response):
    ids = _committed_ids()
    if ids:
        app = current_app._get_current_object()
        response.call_on_close(lambda: _send_in(app, ids))
    return response


def teardown(error):
    """Outside a request (CLI, cron): send what the command committed."""
    ids = _committed_ids()
    if ids and error is None:
        send(ids)


def _send_in(app, ids):
    with app.app_context():
        try:
            send(ids)
        except Exception:  # after the response: log, the queue retries what is left
            app.logger.exception("sending messages %s failed", ids)
            db.session.rollback()


def send(ids):
    """Send each message that no one else has claimed; returns how many this call sent."""
    from ..mail import OutboxMessage

    sent = 0
    for message_id in ids:
        claimed = db.session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.claimed_at.is_(None))
            .values(claimed_at=utcnow())
        ).rowcount
        db.session.commit()
        if claimed:
            _send_one(db.session.get(OutboxMessage, message_id))
            db.session.commit()
            sent += 1
    return sent


def _send_one(message):
    from ..mail import send_mail, smtp_configured
    from . import push

    if smtp_configured() and message.to_email:
        message.error = send_mail(message.to_email, message.subject, message.body)
        if not message.error:
            message.sent_at = utcnow()
            if message.kind in SENT_ONLY:
                message.body, message.link = "", ""
    if message.user_id is not None:
        push.notify(message)


def send_stranded(now):
    """The queue: "right away" messages a stopped worker left unsent, and push retries."""
    from ..mail import OutboxMessage
    from . import push

    ids = db.session.scalars(
        select(OutboxMessage.id).where(
            OutboxMessage.delivery == NOW,
            OutboxMessage.claimed_at.is_(None),
            OutboxMessage.created_at < now - STRANDED_AFTER,
        )
    ).all()
    return send(ids) + push.retry_due(now)


def init_app(app):
    app.after_request(after_request)
    app.teardown_appcontext(teardown)
