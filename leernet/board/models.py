"""A notice on the board and the replies under it.

An item's state is ``open`` until its poster marks it ``filled`` or ``closed``; its end
date moves it to the archive on its own. A coordinator may hide an item or a reply: it
stays in the database with who hid it and when (the record of that moderation), and the
page says it was hidden instead of showing it.
"""

from sqlalchemy import Column, Date, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..members.models import ExpertiseTag, User
from ..timeutil import UTCDateTime, utcnow

OPEN, FILLED, CLOSED = "open", "filled", "closed"
STATES = (OPEN, FILLED, CLOSED)

#: Board items share the expertise tags, so "who can I ask" and the board speak alike.
board_item_tags = Table(
    "board_item_tag",
    db.metadata,
    Column("item_id", ForeignKey("board_item.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("expertise_tag.id", ondelete="CASCADE"), primary_key=True),
)


class BoardItem(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown
    link: Mapped[str] = mapped_column(String(500), default="")
    ends_on = mapped_column(Date, index=True)
    state: Mapped[str] = mapped_column(String(10), default=OPEN, index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    #: When the poster marked it filled or closed.
    settled_at = mapped_column(UTCDateTime, nullable=True)
    hidden_at = mapped_column(UTCDateTime, nullable=True)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    hidden_by: Mapped[User | None] = relationship(foreign_keys=[hidden_by_id])
    tags: Mapped[list[ExpertiseTag]] = relationship(
        secondary=board_item_tags, order_by=ExpertiseTag.name
    )
    replies: Mapped[list["BoardReply"]] = relationship(
        back_populates="item",
        order_by="(BoardReply.created_at, BoardReply.id)",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class BoardReply(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("board_item.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)  # Markdown
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at = mapped_column(UTCDateTime, default=utcnow)
    hidden_at = mapped_column(UTCDateTime, nullable=True)
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    item: Mapped[BoardItem] = relationship(back_populates="replies")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    hidden_by: Mapped[User | None] = relationship(foreign_keys=[hidden_by_id])
