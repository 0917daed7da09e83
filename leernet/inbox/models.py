"""Choices per topic, digests sent, and the devices that receive push notifications."""

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class NotificationDefault(db.Model):
    """The network's choice for a topic, set by a coordinator (else the topic's own)."""

    topic: Mapped[str] = mapped_column(String(30), primary_key=True)
    mode: Mapped[str] = mapped_column(String(10))


class NotificationChoice(db.Model):
    """A member's own choice for a topic, over the network's default."""

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(30), primary_key=True)
    mode: Mapped[str] = mapped_column(String(10))


class Digest(db.Model):
    """One digest per member and period (``daily 2026-12-07``, ``weekly 2026-W49``).

    The unique key is the claim: of two concurrent ``send-digests`` runs only one
    inserts it, and messages join a digest only while they belong to none.
    """

    __table_args__ = (UniqueConstraint("user_id", "period", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(10))
    key: Mapped[str] = mapped_column(String(12))
    created_at = mapped_column(UTCDateTime, default=utcnow)
    sent_at = mapped_column(UTCDateTime, nullable=True)
    error: Mapped[str] = mapped_column(String(300), default="")


class PushSubscription(db.Model):
    """One device's Web Push subscription; an endpoint belongs to one member."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    endpoint: Mapped[str] = mapped_column(String(1000), unique=True)
    p256dh: Mapped[str] = mapped_column(String(120))
    auth: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(120), default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)


class PushRetry(db.Model):
    """A push the service could not take (5xx, timeout): tried again by the queue."""

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbox_message.id", ondelete="CASCADE"))
    subscription_id: Mapped[int] = mapped_column(
        ForeignKey("push_subscription.id", ondelete="CASCADE")
    )
    tries: Mapped[int] = mapped_column(Integer, default=1)
    due_at = mapped_column(UTCDateTime, index=True)
