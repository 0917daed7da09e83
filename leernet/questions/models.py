"""Ask the network: a member's question, the answers, and the one the asker found helpful."""

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow


class Question(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    asked_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    #: Set when the asker marks an answer as helpful (kept on the answer itself).
    solved_at = mapped_column(UTCDateTime, nullable=True, index=True)
    asked_by: Mapped[User | None] = relationship()
    answers: Mapped[list["Answer"]] = relationship(
        back_populates="question",
        order_by="(Answer.helpful.desc(), Answer.created_at, Answer.id)",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class Answer(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        ForeignKey("question.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)  # Markdown
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    helpful: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at = mapped_column(UTCDateTime, default=utcnow)
    question: Mapped[Question] = relationship(back_populates="answers")
    author: Mapped[User | None] = relationship()
