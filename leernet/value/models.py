"""Check-outs, value stories, and the check-out invitations already sent.

The five value cycles are five boolean columns (not a link table) so that one
``GROUP BY`` sums them per month on SQLite and PostgreSQL alike.
"""

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from ..extensions import db
from ..meetings.models import Meeting
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow

#: Who may read a story: every member, or only the coordinators (and its author).
NETWORK = "network"
COORDINATORS = "coordinators"


class Cycles:
    """The value cycles a check-out or story names (see ``cycles.py``)."""

    @declared_attr
    def immediate(cls) -> Mapped[bool]:
        return mapped_column(Boolean, default=False)

    @declared_attr
    def potential(cls) -> Mapped[bool]:
        return mapped_column(Boolean, default=False)

    @declared_attr
    def applied(cls) -> Mapped[bool]:
        return mapped_column(Boolean, default=False)

    @declared_attr
    def realised(cls) -> Mapped[bool]:
        return mapped_column(Boolean, default=False)

    @declared_attr
    def reframing(cls) -> Mapped[bool]:
        return mapped_column(Boolean, default=False)


class CheckOut(Cycles, db.Model):
    """One member's 30-second look back at one meeting (one row: a second one edits it)."""

    __tablename__ = "value_checkout"
    __table_args__ = (UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    #: How useful, 1 (not) to 5 (very).
    usefulness: Mapped[int] = mapped_column(Integer)
    takeaway: Mapped[str] = mapped_column(String(200), default="")
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow)

    meeting: Mapped[Meeting] = relationship()
    user: Mapped[User] = relationship()


class Story(Cycles, db.Model):
    """How something from the network made a difference, told by a member.

    It may point at one thing it came from as a generic ``(link_kind, link_id)`` pair
    (meeting, resource, question, decision; intervision sessions can be added through
    ``sources.link_kind``), so no foreign key ties stories to every other feature.
    """

    __tablename__ = "value_story"
    __table_args__ = (
        Index("ix_value_story_created_at_id", "created_at", "id"),
        Index("ix_value_story_link", "link_kind", "link_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(20), default=NETWORK)
    link_kind: Mapped[str | None] = mapped_column(String(20), nullable=True)
    link_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: Chosen by a coordinator to appear (without the author's name) in the funder report.
    in_report: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    updated_at = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User | None] = relationship()

    @property
    def for_coordinators(self):
        return self.visibility == COORDINATORS


class CheckoutInvite(db.Model):
    """One row per member and meeting: the "how was it?" message is never sent twice."""

    __tablename__ = "value_checkout_invite"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    sent_at = mapped_column(UTCDateTime, default=utcnow)


class FiguresCache(db.Model):
    """The dashboard's and the report's grouped rows for one period (see ``cache.py``).

    The row under ``cache.GENERATION`` holds no figures: its ``generation`` is the count
    that every write to a table the figures come from moves on.
    """

    __tablename__ = "value_figures_cache"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    generation: Mapped[int] = mapped_column(Integer, default=0)
    #: ``{reader name: [[value, ...], ...]}``, numbers and short labels only.
    rows: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    #: When the next meeting of the period ends, and held meetings count one more.
    valid_until = mapped_column(UTCDateTime, nullable=True)
