"""Proposals, their versions, members' stances and who wants to hear of new proposals.

A closed decision is a record: its outcome and final tally are stored with it, and
every change goes through a conditional UPDATE on ``status``/``revision`` (see
``service.py``), so nothing can change it once it has closed.
"""

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..meetings.models import Meeting
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow
from . import rules


class Decision(db.Model):
    __table_args__ = (
        Index("ix_decision_status_closes_at", "status", "closes_at"),
        Index("ix_decision_opened_at_id", "opened_at", "id"),  # the log's order
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    #: The proposal itself (Markdown); amending replaces it and keeps the old one as a version.
    proposal: Mapped[str] = mapped_column(Text, default="")
    background: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(String(20), default=rules.CONSENT)
    status: Mapped[str] = mapped_column(String(20), default=rules.DRAFT)
    proposer_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    #: The meeting it was proposed at or for (optional).
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    #: Majority vote: percentage of active members who must take part, and the threshold.
    quorum: Mapped[int] = mapped_column(Integer, default=50)
    threshold: Mapped[str] = mapped_column(String(20), default=rules.SIMPLE)
    closes_at = mapped_column(UTCDateTime, nullable=True)
    #: "Safe enough to try; look again on ...".
    review_on = mapped_column(Date, nullable=True, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    #: Bumped by every change while open; the conditional UPDATE on it settles races.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(20))
    final_tally = mapped_column(JSON, nullable=True)
    #: Advice process: what the proposer decided and how the advice was weighed.
    resolution: Mapped[str] = mapped_column(Text, default="")
    weighing: Mapped[str] = mapped_column(Text, default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)
    opened_at = mapped_column(UTCDateTime, nullable=True)
    closed_at = mapped_column(UTCDateTime, nullable=True)
    reminded_at = mapped_column(UTCDateTime, nullable=True)

    proposer: Mapped[User | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    versions: Mapped[list["DecisionVersion"]] = relationship(
        back_populates="decision",
        order_by="DecisionVersion.number.desc()",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    stances: Mapped[list["Stance"]] = relationship(
        back_populates="decision",
        order_by="Stance.updated_at",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def is_open(self):
        return self.status == rules.OPEN

    @property
    def date(self):
        """The date the log shows: when it closed, else when it closes."""
        return self.closed_at or self.closes_at or self.created_at

    def __repr__(self):
        return f"<Decision {self.id} {self.status} {self.title!r}>"


class DecisionVersion(db.Model):
    """Each text the proposal has had since it opened (version 1 is the original)."""

    __table_args__ = (UniqueConstraint("decision_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    proposal: Mapped[str] = mapped_column(Text)
    #: What changed and why (empty for the original).
    note: Mapped[str] = mapped_column(Text, default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)
    decision: Mapped[Decision] = relationship(back_populates="versions")


class Stance(db.Model):
    """One member's current stance on one decision: the unique key makes it one row."""

    __tablename__ = "decision_stance"
    __table_args__ = (UniqueConstraint("decision_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str] = mapped_column(Text, default="")
    #: The version of the proposal this stance was given on.
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow)
    decision: Mapped[Decision] = relationship(back_populates="stances")
    member: Mapped[User] = relationship()
