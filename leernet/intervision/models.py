"""Intervision sessions in the database: who takes part, the timer row, notes, commitments.

A ``Session`` keeps a *snapshot* of its method (``plan``: roles, turns and phases with
their minutes) taken when it is created, so editing a custom method never disturbs a
session that uses it. The timer columns map ``timer.TimerState`` one to one; every
write goes through ``live.control``, a conditional UPDATE on ``version``, so two people
pressing "next" at the same moment make one step.

What coordinators prepare ahead comes first: custom methods and standing
groups. Shipped methods stay in code (``catalogue``), keyed; a ``MethodTemplate`` is a
coordinator's own method or an edited copy of a shipped one. Its phases are a JSON list of
``{name, minutes, instruction, tip, silent, collects}``: always read and written whole,
never queried one by one.
"""

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..meetings.models import Meeting
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow
from .core import timer
from .core.methods import Method, Phase

# What coordinators prepare ahead: custom methods and standing groups.

group_members = Table(
    "intervision_group_member",
    db.metadata,
    Column("group_id", ForeignKey("intervision_group.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class MethodTemplate(db.Model):
    __tablename__ = "intervision_method"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(Text, default="")
    roles: Mapped[list] = mapped_column(JSON)
    phases: Mapped[list] = mapped_column(JSON)
    turns: Mapped[int] = mapped_column(Integer, default=1)
    #: The shipped method this was copied from ("" when made from scratch).
    based_on: Mapped[str] = mapped_column(String(40), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow)

    @property
    def key(self):
        return f"custom-{self.id}"

    def to_method(self):
        """The template as a catalogue ``Method``, so both kinds run the same way."""
        phases = tuple(
            Phase(
                p.get("name", ""),
                int(p.get("minutes") or 0),
                p.get("instruction", ""),
                p.get("tip", ""),
                bool(p.get("silent")),
                bool(p.get("collects")),
            )
            for p in self.phases or []
        )
        return Method(
            self.key, self.name, self.description, tuple(self.roles or ()), phases, self.turns or 1
        )


class IntervisionGroup(db.Model):
    """A named subgroup that meets across meetings (its members rotate roles)."""

    __tablename__ = "intervision_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[User]] = relationship(secondary=group_members, order_by=User.name)


# A session and what it holds.


class Session(db.Model):
    __tablename__ = "intervision_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    #: A standing group, or None for a group formed for the day.
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(80), default="")
    #: A shipped method's key, or "" for a custom one (``template_id``).
    method_key: Mapped[str] = mapped_column(String(40), default="")
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervision_method.id", ondelete="SET NULL")
    )
    #: The method as it was at creation: see ``plans.Plan``.
    plan: Mapped[dict] = mapped_column(JSON)
    case_question: Mapped[str] = mapped_column(Text, default="")
    #: Case details (question, notes, reflection) are removed this many days after the
    #: session; None keeps them.
    expires_after_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    case_removed_at = mapped_column(UTCDateTime, nullable=True)
    #: Roles set by hand: volunteering or passing no longer re-proposes them.
    roles_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime, default=utcnow)

    # The timer (``timer.TimerState``), plus the version every control must name.
    phase: Mapped[int] = mapped_column(Integer, default=0)
    started_at = mapped_column(UTCDateTime, nullable=True)
    paused_at = mapped_column(UTCDateTime, nullable=True)
    paused_seconds: Mapped[float] = mapped_column(Float, default=0.0)
    extra_seconds: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(10), default=timer.READY, index=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    finished_at = mapped_column(UTCDateTime, nullable=True)

    meeting: Mapped[Meeting] = relationship()
    group: Mapped[IntervisionGroup | None] = relationship()
    participants: Mapped[list["Participant"]] = relationship(
        back_populates="session",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Participant.id",
    )
    notes: Mapped[list["PhaseNote"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="PhaseNote.phase"
    )

    @property
    def timer_state(self):
        return timer.TimerState(
            phase=self.phase,
            started_at=self.started_at,
            paused_at=self.paused_at,
            paused_seconds=self.paused_seconds or 0.0,
            extra_seconds=self.extra_seconds or 0,
            status=self.status,
            version=self.version,
            finished_at=self.finished_at,
        )

    @property
    def case_removed(self):
        return self.case_removed_at is not None

    def participant(self, user_id):
        return next((p for p in self.participants if p.user_id == user_id), None)

    def holder(self, role):
        return next((p for p in self.participants if p.role == role), None)

    def __repr__(self):
        return f"<Session {self.id} {self.status} phase {self.phase}>"


class Participant(db.Model):
    """One person in one session. ``role`` is the current assignment (None: no role);
    ``held_role`` what they actually held, recorded when the session starts (fair
    rotation counts that)."""

    __tablename__ = "intervision_participant"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_session.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    role: Mapped[str | None] = mapped_column(String(20), nullable=True)
    volunteered: Mapped[bool] = mapped_column(Boolean, default=False)
    passed: Mapped[bool] = mapped_column(Boolean, default=False)
    held_role: Mapped[str | None] = mapped_column(String(20), nullable=True)

    session: Mapped[Session] = relationship(back_populates="participants")
    user: Mapped[User] = relationship()


class PhaseNote(db.Model):
    """The minute-taker's note for one phase (flat index, as the timer counts)."""

    __tablename__ = "intervision_note"
    __table_args__ = (UniqueConstraint("session_id", "phase"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_session.id", ondelete="CASCADE")
    )
    phase: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    updated_at = mapped_column(UTCDateTime, default=utcnow)


FOLLOW_UP = ("done", "partly", "not_yet")


class Commitment(db.Model):
    """A case-bringer's closing reflection and the action they commit to, and later
    what they report about it in the follow-up round of their group's next session."""

    __tablename__ = "intervision_commitment"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_session.id", ondelete="CASCADE")
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    reflection: Mapped[str] = mapped_column(Text, default="")
    action: Mapped[str] = mapped_column(String(500), default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow)
    report_status: Mapped[str | None] = mapped_column(String(10), nullable=True)  # FOLLOW_UP
    report_note: Mapped[str] = mapped_column(String(200), default="")
    reported_at = mapped_column(UTCDateTime, nullable=True)
    report_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervision_session.id", ondelete="SET NULL")
    )

    session: Mapped[Session] = relationship(foreign_keys=[session_id])
    user: Mapped[User] = relationship()


class Card(db.Model):
    """A short card a participant writes in a collecting phase (a question, a piece of
    advice, a gossip line) for the case-bringer, who may mark the ones that help. As
    confidential as the case: participants only, erased with it (``privacy.remove``)."""

    __tablename__ = "intervision_card"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_session.id", ondelete="CASCADE"), index=True
    )
    phase: Mapped[int] = mapped_column(Integer)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(String(280))
    marked: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at = mapped_column(UTCDateTime, default=utcnow)
