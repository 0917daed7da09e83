"""A group invitation link: one link for a group chat or a room, used by many.

Unlike a personal invitation it is reusable, until its date or its number of uses
(counted in one conditional UPDATE, so two joins at once never pass the limit), and
revocable. By default a newcomer waits for a coordinator's approval, as an inactive
account that sees nothing of the network but its name; a coordinator may choose that
people join at once.
"""

import secrets
from datetime import timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Boolean, ForeignKey, Integer, String, delete, or_, select, update
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship

from ..extensions import db
from ..mail import deliver
from ..members.accounts import create_user
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow
from ..web import external_url

STATES = {
    "open": _l("Open"),
    "used": _l("Full"),
    "revoked": _l("Revoked"),
    "expired": _l("Expired"),
}


class GroupLink(db.Model):
    __tablename__ = "group_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Plain text, like a personal invitation's: the coordinator shows it again (and its QR).
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    expires_at = mapped_column(UTCDateTime)
    #: None: no limit but the date.
    max_uses: Mapped[int | None] = mapped_column(Integer, nullable=True)
    uses: Mapped[int] = mapped_column(Integer, default=0)
    approval: Mapped[bool] = mapped_column(Boolean, default=True)
    revoked_at = mapped_column(UTCDateTime, nullable=True)
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    @property
    def state(self):
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= utcnow():
            return "expired"
        if self.max_uses is not None and self.uses >= self.max_uses:
            return "used"
        return "open"

    @property
    def state_label(self):
        return STATES[self.state]


class JoinRequest(db.Model):
    """A newcomer through a group link, waiting for a coordinator (their account inactive)."""

    __tablename__ = "join_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), unique=True)
    group_link_id: Mapped[int | None] = mapped_column(
        ForeignKey("group_link.id", ondelete="SET NULL")
    )
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    user: Mapped[User] = relationship()


def create(created_by, days, max_uses, approval):
    link = GroupLink(
        token=secrets.token_urlsafe(24),
        created_by_id=created_by.id,
        expires_at=utcnow() + timedelta(days=days),
        max_uses=max_uses or None,
        approval=approval,
    )
    db.session.add(link)
    db.session.flush()
    return link


def link_url(link):
    return external_url("auth.join_group", token=link.token)


def find_open(plain):
    if not plain or len(plain) > 200:
        return None
    link = db.session.scalar(select(GroupLink).where(GroupLink.token == plain))
    return link if link is not None and link.state == "open" else None


def claim(link, now):
    """Count one use, if the link still has one: True when this join may go ahead.

    One conditional UPDATE: the database checks the limit and counts in the same step, so
    concurrent joins cannot both take the last place."""
    claimed = db.session.execute(
        update(GroupLink)
        .where(
            GroupLink.id == link.id,
            GroupLink.revoked_at.is_(None),
            GroupLink.expires_at > now,
            or_(GroupLink.max_uses.is_(None), GroupLink.uses < GroupLink.max_uses),
        )
        .values(uses=GroupLink.uses + 1)
        .execution_options(synchronize_session=False)
    )
    return claimed.rowcount == 1


def join(link, name, email, password, locale):
    """The account of a newcomer through ``link``; inactive and waiting when it needs
    approval. The caller has claimed a use and commits."""
    user = create_user(name, email, password, locale=locale)
    if link.approval:
        user.active = False
        db.session.add(JoinRequest(user_id=user.id, group_link_id=link.id))
    return user


def is_waiting(user):
    """Whether ``user`` joined through a group link and awaits a coordinator."""
    asked = select(JoinRequest.id).where(JoinRequest.user_id == user.id)
    return db.session.scalar(asked) is not None


def waiting():
    return db.session.scalars(
        select(JoinRequest).options(joinedload(JoinRequest.user)).order_by(JoinRequest.created_at)
    ).all()


def approve(request_):
    user = request_.user
    user.active = True
    db.session.delete(request_)
    login = external_url("auth.login")
    deliver(
        "approval",
        _("Welcome: you can log in now"),
        _(
            "Hello %(name)s,\n\nYour account has been approved. Log in here:\n%(link)s",
            name=user.name,
            link=login,
        ),  # fmt: skip
        user=user,
        link=login,
    )


def decline(request_):
    """Nothing of a declined newcomer is kept: they never saw or wrote anything."""
    user_id = request_.user_id
    db.session.delete(request_)
    db.session.flush()
    db.session.execute(delete(User).where(User.id == user_id, User.active.is_(False)))


def revoke(link, now):
    if link.state == "open":
        link.revoked_at = now
