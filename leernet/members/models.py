"""Members of the network and what they can be asked about."""

import re

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Table, Text, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..timeutil import UTCDateTime, utcnow

user_tags = Table(
    "user_tag",
    db.metadata,
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("expertise_tag.id", ondelete="CASCADE"), primary_key=True),
)
#: What a member wants to learn: the same vocabulary as what others can be asked about.
user_wishes = Table(
    "user_wish",
    db.metadata,
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("expertise_tag.id", ondelete="CASCADE"), primary_key=True),
)

CONTACT_CHOICES = {
    "email": _l("E-mail"),
    "phone": _l("Phone"),
    "app": _l("Chat app"),
    "meeting": _l("At a meeting"),
}


def display_name(name, erased):
    """What a member is called on the page: an erased account keeps no name."""
    return _l("Former member") if erased else name


class ExpertiseTag(db.Model):
    """A subject a member can be asked about, e.g. "subsidies"."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)

    @staticmethod
    def normalise(raw):
        return re.sub(r"\s+", " ", raw.strip().lower())[:60]


class User(UserMixin, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255), default="")
    is_coordinator: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    erased: Mapped[bool] = mapped_column(Boolean, default=False)
    bio: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(20), default="email")
    contact_detail: Mapped[str] = mapped_column(String(200), default="")
    locale: Mapped[str] = mapped_column(String(5), default="nl")
    #: New, changed and cancelled meetings and the day-before reminder.
    notify_meetings: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    #: Bumped on password change or deactivation: old sessions and remember-me
    #: cookies carry the previous value and stop working.
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    tags: Mapped[list[ExpertiseTag]] = relationship(secondary=user_tags, order_by=ExpertiseTag.name)
    wishes: Mapped[list[ExpertiseTag]] = relationship(
        secondary=user_wishes, order_by=ExpertiseTag.name
    )

    @property
    def is_active(self):
        return self.active and not self.erased

    #: This browser's login (``auth.logins``); set when logging in or loading the user.
    login_key = ""

    def get_id(self):
        return f"{self.id}:{self.session_version}:{self.login_key}"

    @property
    def display_name(self):
        return display_name(self.name, self.erased)

    @property
    def contact_label(self):
        return CONTACT_CHOICES.get(self.contact, "")

    @property
    def role(self):
        return "coordinator" if self.is_coordinator else "member"

    def __repr__(self):
        return f"<User {self.id} {self.email}>"
