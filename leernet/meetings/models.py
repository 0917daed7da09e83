"""Meetings, series, RSVPs, attendance, reminders sent and calendar feed tokens.

Every occurrence of a series is its own ``Meeting`` row: RSVPs, attendance, minutes
and calendar UIDs attach to a concrete meeting, and one occurrence can be changed or
cancelled alone. The series keeps its rule in local wall time plus a time zone, so
occurrences stay at 10:00 local across daylight-saving changes.
"""

import uuid

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow

KINDS = {
    "intervision": _l("Intervision"),
    "masterclass": _l("Masterclass"),
    "network": _l("Network meeting"),
    "informal": _l("Informal"),
}
ANSWERS = {"yes": _l("Yes"), "maybe": _l("Maybe"), "no": _l("No")}


def new_uid():
    """A calendar UID that never changes, whatever the app's address becomes."""
    return f"{uuid.uuid4()}@leernet"


class Series(db.Model):
    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    frequency: Mapped[str] = mapped_column(String(20))  # see recurrence.FREQUENCIES
    interval: Mapped[int] = mapped_column(Integer, default=1)
    first_date = mapped_column(Date, nullable=False)
    until = mapped_column(Date, nullable=False)
    starts = mapped_column(Time, nullable=False)  # local wall time in ``timezone``
    ends = mapped_column(Time, nullable=False)
    timezone: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime, default=utcnow)


class Meeting(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True, default=new_uid)
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="network")
    starts_at = mapped_column(UTCDateTime, index=True, nullable=False)
    ends_at = mapped_column(UTCDateTime, index=True, nullable=False)
    place: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")
    #: Guest speakers' names, one per line (a masterclass usually has one or two).
    guests: Mapped[str] = mapped_column(Text, default="")
    capacity: Mapped[int | None] = mapped_column(Integer, nullable=True)
    host_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    cancelled_at = mapped_column(UTCDateTime, nullable=True)
    cancel_reason: Mapped[str] = mapped_column(String(500), default="")
    #: iCalendar SEQUENCE: bumped on every change a calendar should pick up.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    #: Bumped by every RSVP: the UPDATE serialises concurrent answers to one meeting,
    #: so two people can never take the last place together.
    rsvp_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow)

    host: Mapped[User | None] = relationship(foreign_keys=[host_id])
    series: Mapped[Series | None] = relationship()
    rsvps: Mapped[list["Rsvp"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    attendances: Mapped[list["Attendance"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def cancelled(self):
        return self.cancelled_at is not None

    @property
    def kind_label(self):
        return KINDS.get(self.kind, "")

    @property
    def guest_names(self):
        return [line.strip() for line in self.guests.splitlines() if line.strip()]

    def __repr__(self):
        return f"<Meeting {self.id} {self.title!r} {self.starts_at}>"


class Rsvp(db.Model):
    __table_args__ = (
        UniqueConstraint("meeting_id", "user_id"),
        # Covers the value dashboard's counts per meeting without reading the rows.
        Index("ix_rsvp_meeting_answer", "meeting_id", "answer", "waiting", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    answer: Mapped[str] = mapped_column(String(10))  # yes, maybe, no
    #: A yes beyond the capacity waits; ``said_yes_at`` keeps the queue's order.
    waiting: Mapped[bool] = mapped_column(Boolean, default=False)
    said_yes_at = mapped_column(UTCDateTime, nullable=True)
    note: Mapped[str] = mapped_column(String(200), default="")
    updated_at = mapped_column(UTCDateTime, default=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="rsvps")
    user: Mapped[User] = relationship()

    @property
    def answer_label(self):
        return ANSWERS.get(self.answer, "")


class Attendance(db.Model):
    """Who was there: what rotation, check-outs, minutes and the dashboard build on."""

    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    checked_in_at = mapped_column(UTCDateTime, default=utcnow)
    #: The member themself ("I'm here") or the host who ticked them.
    checked_in_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class ReminderSent(db.Model):
    """One row per member and meeting: the day-before reminder is never sent twice."""

    __tablename__ = "meeting_reminder"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    sent_at = mapped_column(UTCDateTime, default=utcnow)


class CalendarFeed(db.Model):
    """A member's private calendar feed address.

    The token is kept in plain text (like invitation links) so the member can copy the
    address again on a new phone; it serves only this feed, and regenerating it
    replaces it, so the old address stops working at once.
    """

    __tablename__ = "calendar_feed"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[User] = relationship()
