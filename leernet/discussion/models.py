"""A comment in a proposal's discussion.

``version`` is the proposal's version when the comment was written, so after an
amendment the thread still says what each comment was about. The backref gives
``Decision.comments`` without the decisions feature knowing about discussion.
"""

from sqlalchemy import ForeignKey, Integer, Text
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from ..decisions.models import Decision
from ..extensions import db
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow


class ProposalComment(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decision.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    body: Mapped[str] = mapped_column(Text)  # Markdown
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at = mapped_column(UTCDateTime, default=utcnow)
    edited_at = mapped_column(UTCDateTime, nullable=True)
    hidden_at = mapped_column(UTCDateTime, nullable=True)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    decision: Mapped[Decision] = relationship(
        backref=backref(
            "comments",
            order_by="(ProposalComment.created_at, ProposalComment.id)",
            cascade="all, delete-orphan",
            passive_deletes=True,
        )
    )
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    hidden_by: Mapped[User | None] = relationship(foreign_keys=[hidden_by_id])
