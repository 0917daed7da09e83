"""Minutes, their revisions and lifecycle log, and action items.

``Minutes.head`` is the number of the current revision and ``Minutes.text`` a copy of
its text (pages and search read the document without its history). A save is a
conditional UPDATE on ``head`` plus a new ``MinutesRevision``; the unique
``(minutes_id, number)`` key means two saves from the same revision can never both
become the next one, on SQLite or PostgreSQL.
"""

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..meetings.models import Meeting
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow
from . import rules


class Minutes(db.Model):
    __table_args__ = (UniqueConstraint("subject_kind", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: What the minutes are of: a kind registered in ``subjects.py`` and its object's id.
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int] = mapped_column(Integer)
    #: The meeting they belong to (the meeting itself, or the meeting of a session).
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[str] = mapped_column(String(20), default=rules.DRAFT)
    visibility: Mapped[str] = mapped_column(String(20), default=rules.ATTENDEES)
    head: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    #: The minute-taker: who started them (or the session's minute-taker).
    taker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    locked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    locked_at = mapped_column(UTCDateTime, nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow)

    taker: Mapped[User | None] = relationship(foreign_keys=[taker_id])
    locked_by: Mapped[User | None] = relationship(foreign_keys=[locked_by_id])

    @property
    def locked(self):
        return self.state == rules.APPROVED

    def __repr__(self):
        return f"<Minutes {self.id} {self.subject_kind}:{self.subject_id} r{self.head}>"


class MinutesRevision(db.Model):
    __tablename__ = "minutes_revision"
    __table_args__ = (UniqueConstraint("minutes_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    #: What changed, in the author's words.
    note: Mapped[str] = mapped_column(String(300), default="")
    #: The number of the revision this one restored, if it is a restore.
    restored_from: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship()


class MinutesEvent(db.Model):
    """The lifecycle log: shared, approved (locked), unlocked (with a reason), visibility."""

    __tablename__ = "minutes_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(
        ForeignKey("minutes.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    #: The revision the event happened at.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)

    user: Mapped[User | None] = relationship()


class ActionItem(db.Model):
    """Something a member will do, from minutes, a meeting, or on its own."""

    __tablename__ = "action_item"
    __table_args__ = (Index("ix_action_item_owner_open", "owner_id", "done_at", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    what: Mapped[str] = mapped_column(String(300))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    due_on = mapped_column(Date, nullable=True)
    done_at = mapped_column(UTCDateTime, nullable=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    minutes_id: Mapped[int | None] = mapped_column(
        ForeignKey("minutes.id", ondelete="SET NULL"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow)

    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    minutes: Mapped[Minutes | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()

    @property
    def done(self):
        return self.done_at is not None

    def overdue(self, today):
        return not self.done and self.due_on is not None and self.due_on < today
