"""Date-finding polls: candidate dates, one answer per member and date.

A poll turns into a meeting once the group has spoken; the poll and its answers stay
(closed, pointing at the meeting) so everyone can see how the date was chosen.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..meetings.models import Meeting
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow

POLL_ANSWERS = {"yes": _l("Yes"), "ifneedbe": _l("If need be"), "no": _l("No")}
MIN_OPTIONS = 2
MAX_OPTIONS = 10


class DatePoll(db.Model):
    __tablename__ = "date_poll"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="network")
    description: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    closed_at = mapped_column(UTCDateTime, nullable=True, index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))

    created_by: Mapped[User | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    options: Mapped[list["PollOption"]] = relationship(
        back_populates="poll",
        order_by="PollOption.starts_at",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def is_open(self):
        return self.closed_at is None


class PollOption(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("date_poll.id", ondelete="CASCADE"), index=True)
    starts_at = mapped_column(UTCDateTime, nullable=False)
    ends_at = mapped_column(UTCDateTime, nullable=False)

    poll: Mapped[DatePoll] = relationship(back_populates="options")
    answers: Mapped[list["PollAnswer"]] = relationship(
        back_populates="option", cascade="all, delete-orphan", passive_deletes=True
    )


class PollAnswer(db.Model):
    __table_args__ = (UniqueConstraint("option_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    option_id: Mapped[int] = mapped_column(ForeignKey("poll_option.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    answer: Mapped[str] = mapped_column(String(10))  # yes, ifneedbe, no
    answered_at = mapped_column(UTCDateTime, default=utcnow)

    option: Mapped[PollOption] = relationship(back_populates="answers")
    user: Mapped[User] = relationship()
