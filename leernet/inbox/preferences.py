"""How a message reaches its member: their choice for its topic, else the network's.

Looked up once per topic and request (``g``), so telling forty members about a new
proposal costs two queries, not eighty.
"""

from flask import g
from sqlalchemy import select

from ..extensions import db
from .kinds import BY_NAME, MODES, NOW, TOPICS, topic_of
from .models import NotificationChoice, NotificationDefault


def network_defaults():
    """``{topic: mode}`` for every topic: the coordinator's choice or the topic's own."""
    if "notification_defaults" not in g:
        chosen = dict(
            db.session.execute(select(NotificationDefault.topic, NotificationDefault.mode)).all()
        )
        g.notification_defaults = {t.name: chosen.get(t.name, t.default) for t in TOPICS}
    return g.notification_defaults


def _choices(topic):
    cache = g.setdefault("notification_choices", {})
    if topic not in cache:
        cache[topic] = dict(
            db.session.execute(
                select(NotificationChoice.user_id, NotificationChoice.mode).where(
                    NotificationChoice.topic == topic
                )
            ).all()
        )
    return cache[topic]


def mode_for(kind, user):
    """now, daily, weekly or inbox; a message without a topic (or a member) goes now."""
    topic = topic_of(kind)
    if topic is None or user is None:
        return NOW
    return _choices(topic.name).get(user.id) or network_defaults()[topic.name]


def member_modes(user_id):
    """``{topic: (mode, is_own_choice)}`` for the member's page."""
    own = dict(
        db.session.execute(
            select(NotificationChoice.topic, NotificationChoice.mode).where(
                NotificationChoice.user_id == user_id
            )
        ).all()
    )
    defaults = network_defaults()
    return {t.name: (own.get(t.name, defaults[t.name]), t.name in own) for t in TOPICS}


def choose(user_id, topic, mode):
    """Record a member's choice (``mode`` "" follows the network again). Caller commits."""
    if topic not in BY_NAME or (mode and mode not in MODES):
        raise ValueError(topic)
    row = db.session.get(NotificationChoice, (user_id, topic))
    if not mode:
        if row is not None:
            db.session.delete(row)
    elif row is None:
        db.session.add(NotificationChoice(user_id=user_id, topic=topic, mode=mode))
    else:
        row.mode = mode
    g.pop("notification_choices", None)


def set_default(topic, mode):
    """A coordinator's default for the network. Caller commits."""
    if topic not in BY_NAME or mode not in MODES:
        raise ValueError(topic)
    row = db.session.get(NotificationDefault, topic)
    if row is None:
        db.session.add(NotificationDefault(topic=topic, mode=mode))
    else:
        row.mode = mode
    g.pop("notification_defaults", None)
