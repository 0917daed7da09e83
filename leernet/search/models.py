"""The search index: one row per findable thing, whatever feature it belongs to.

``title_words``/``body_words`` hold the words from ``leernet.search.text.words`` that the
full-text index covers (an FTS5 table on SQLite, a generated ``tsvector`` column on
PostgreSQL; both are made in the migration, outside these models). ``title``/``body``
keep the readable text for result titles and snippets.
"""

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..timeutil import UTCDateTime, utcnow

#: Who may find a document: every member, coordinators only, or the listed users only.
NETWORK = "network"
COORDINATORS = "coordinators"
RESTRICTED = "restricted"
AUDIENCES = (NETWORK, COORDINATORS, RESTRICTED)


class SearchDocument(db.Model):
    __table_args__ = (
        UniqueConstraint("kind", "object_id"),
        # Filtering and ordering the matches reads this, not the long rows with the text.
        Index("ix_search_document_filter", "id", "kind", "audience", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(30))
    object_id: Mapped[int] = mapped_column(Integer)
    #: The containing object (e.g. the meeting of some minutes), for building links.
    parent_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    title_words: Mapped[str] = mapped_column(Text, default="")
    body_words: Mapped[str] = mapped_column(Text, default="")
    audience: Mapped[str] = mapped_column(String(20), default=NETWORK)
    updated_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    readers: Mapped[list["SearchAudience"]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class SearchAudience(db.Model):
    """The users who may find a ``RESTRICTED`` document (e.g. a session's participants)."""

    document_id: Mapped[int] = mapped_column(
        ForeignKey("search_document.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True, index=True
    )
