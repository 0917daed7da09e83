"""Web Push (RFC 8030/8291/8292) to the devices a member turned notifications on for.

The payload is a topic's fixed alert and the path of the page: never a message's own
words, so nothing confidential leaves the server in a notification. ``pywebpush``
(with aiohttp and requests behind it) is imported only here, when a member has a device
to send to: a worker that never sends never loads it. The HTTP request itself goes
through ``endpoints.post``, which only talks to push services.
"""

import json
import time
from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app, session
from flask_babel import force_locale, ngettext
from sqlalchemy import delete, select

from ..extensions import db
from ..members.models import User
from ..timeutil import utcnow
from . import endpoints, vapid
from .kinds import topic_of
from .models import PushRetry, PushSubscription

GONE = (404, 410)
RETRY_AFTER = (timedelta(minutes=1), timedelta(minutes=10), timedelta(hours=1))


# Devices ------------------------------------------------------------------------------


def subscribe(user, data):
    """Store this device's subscription for ``user``; ``EndpointError`` if refused.

    An endpoint belongs to one member: a device that was someone else's moves to whoever
    turned notifications on with it now. The caller commits.
    """
    data = data if isinstance(data, dict) else {}
    keys = data.get("keys") if isinstance(data.get("keys"), dict) else {}
    endpoint = data.get("endpoint")
    endpoints.check(endpoint)
    endpoints.check_keys(keys.get("p256dh"), keys.get("auth"))
    row = db.session.scalar(select(PushSubscription).where(PushSubscription.endpoint == endpoint))
    if row is None:
        row = PushSubscription(endpoint=endpoint)
        db.session.add(row)
    row.user_id, row.p256dh, row.auth = user.id, keys["p256dh"], keys["auth"]
    label = data.get("label")
    row.label = label[:120] if isinstance(label, str) else ""
    db.session.flush()
    session["push_device"] = row.id
    return row


def forget(user, subscription_id=None, endpoint=None):
    """Turn push off for one of ``user``'s devices. The caller commits."""
    query = delete(PushSubscription).where(PushSubscription.user_id == user.id)
    if endpoint is not None:
        query = query.where(PushSubscription.endpoint == endpoint)
    else:
        query = query.where(PushSubscription.id == subscription_id)
    db.session.execute(query)


def forget_this_device(_app, user, **_extra):
    """On logout (``auth.logins.ending``): this browser's device stops."""
    device = session.pop("push_device", None)
    if device is not None and user is not None and user.is_authenticated:
        forget(user, subscription_id=device)
        db.session.commit()


def devices(user_id):
    return db.session.scalars(
        select(PushSubscription)
        .where(PushSubscription.user_id == user_id)
        .order_by(PushSubscription.created_at)
    ).all()


# Sending ------------------------------------------------------------------------------


def payload(message, user):
    """What the notification says: the topic's alert and the page's path, nothing else."""
    topic = topic_of(message.kind)
    with force_locale(user.locale):
        alert = str(topic.alert)
    parts = urlsplit(message.link or "/inbox")
    return {"title": alert, "url": parts.path or "/inbox", "tag": message.kind}


def notify(message):
    """Push a "right away" message to every device of its member."""
    if topic_of(message.kind) is None:  # a password reset or other private errand
        return
    subscriptions = devices(message.user_id)
    if not subscriptions:
        return
    user = db.session.get(User, message.user_id)
    if user is None or not user.is_active:
        return
    body = json.dumps(payload(message, user)).encode()
    for subscription in subscriptions:
        _attempt(subscription, body, message.id, tries=0)


def summary(user, count):
    """A digest without e-mail: one push that says how many messages wait in the inbox."""
    subscriptions = devices(user.id)
    if not subscriptions:
        return
    with force_locale(user.locale):
        title = ngettext(
            "%(num)d new message in your inbox", "%(num)d new messages in your inbox", count
        )
    body = json.dumps({"title": title, "url": "/inbox", "tag": "digest"}).encode()
    for subscription in subscriptions:
        _attempt(subscription, body, None, tries=len(RETRY_AFTER))  # the next digest will do


def _attempt(subscription, body, message_id, tries):
    """One try; True when done (sent, gone, or refused for good)."""
    try:
        status = _send(subscription, body)
    except endpoints.EndpointError:
        db.session.delete(subscription)  # the allowlist changed: no longer ours to reach
        return True
    except OSError as error:
        status, reason = None, str(error)
    else:
        reason = f"HTTP {status}"
    if status is not None and 200 <= status < 300:
        return True
    if status in GONE:
        db.session.delete(subscription)
        return True
    if status is not None and status < 500 and status != 429:
        # 403 and the like: our VAPID configuration, not the member's device.
        current_app.logger.warning("push refused (%s) for device %s", reason, subscription.id)
        return True
    if tries < len(RETRY_AFTER):
        db.session.add(
            PushRetry(
                message_id=message_id,
                subscription_id=subscription.id,
                tries=tries + 1,
                due_at=utcnow() + RETRY_AFTER[tries],
            )
        )
    current_app.logger.info("push to device %s failed (%s): retried later", subscription.id, reason)
    return False


def _send(subscription, body):
    from py_vapid import Vapid02
    from pywebpush import WebPusher

    info = {"endpoint": subscription.endpoint,
            "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth}}  # fmt: skip
    encoded = WebPusher(info).encode(body, "aes128gcm")
    parts = urlsplit(subscription.endpoint)
    signer = Vapid02.from_pem(current_app.config["VAPID_PRIVATE_KEY"].encode())
    subject = vapid.subject()
    signer.conf["no-strict"] = not subject.startswith(("mailto:", "https://"))
    claims = {
        "aud": f"{parts.scheme}://{parts.netloc}",
        "sub": subject,
        "exp": int(time.time()) + 12 * 3600,
    }
    headers = {
        **signer.sign(claims),
        "Content-Encoding": "aes128gcm",
        "Content-Type": "application/octet-stream",
        "TTL": "86400",
        "Urgency": "normal",
    }
    return endpoints.post(subscription.endpoint, headers, encoded["body"])


def retry_due(now):
    """Try again the pushes a service could not take; returns how many went."""
    from ..mail import OutboxMessage

    due = db.session.execute(
        select(PushRetry.id, PushRetry.message_id, PushRetry.subscription_id, PushRetry.tries)
        .where(PushRetry.due_at <= now)
        .order_by(PushRetry.id)
    ).all()
    sent = 0
    for retry_id, message_id, subscription_id, tries in due:
        taken = db.session.execute(delete(PushRetry).where(PushRetry.id == retry_id)).rowcount
        db.session.commit()  # taken by one run only: a concurrent run skips it
        subscription = db.session.get(PushSubscription, subscription_id)
        message = db.session.get(OutboxMessage, message_id)
        if not taken or subscription is None or message is None:
            continue
        if message.user_id != subscription.user_id:
            continue
        user = db.session.get(User, message.user_id)
        body = json.dumps(payload(message, user)).encode()
        sent += bool(_attempt(subscription, body, message.id, tries))
        db.session.commit()
    return sent
