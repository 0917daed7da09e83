"""The network itself and the invitations that let people join it."""

from flask import g
from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, ForeignKey, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow


class Network(db.Model):
    """The one learning network this installation serves (a single row)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(5), default="nl")
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Amsterdam")
    members_may_schedule: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Decisions: hide who took which stance until a decision closes (counts stay visible).
    anonymous_tallies: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at = mapped_column(UTCDateTime, default=utcnow)


def current_network():
    """The network, or None before setup; looked up once per request."""
    if "network" not in g:
        g.network = db.session.scalar(select(Network).order_by(Network.id).limit(1))
    return g.network


INVITATION_STATES = {
    "open": _l("Open"),
    "used": _l("Used"),
    "revoked": _l("Revoked"),
    "expired": _l("Expired"),
}


class Invitation(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    #: Kept in plain text (unlike reset tokens) so the coordinator can show the link
    #: and its QR code again in the room; it is single-use, expiring and revocable.
    token: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    expires_at = mapped_column(UTCDateTime)
    used_at = mapped_column(UTCDateTime, nullable=True)
    used_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    revoked_at = mapped_column(UTCDateTime, nullable=True)
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    used_by: Mapped[User | None] = relationship(foreign_keys=[used_by_id])

    @property
    def state(self):
        if self.used_at:
            return "used"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= utcnow():
            return "expired"
        return "open"

    @property
    def state_label(self):
        return INVITATION_STATES[self.state]

    @classmethod
    def find_open(cls, plain):
        if not plain or len(plain) > 200:
            return None
        invitation = db.session.scalar(select(cls).where(cls.token == plain))
        if invitation is None or invitation.state != "open":
            return None
        return invitation
