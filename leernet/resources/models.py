"""The resource library: links, uploaded files and short notes, with tags.

A resource may belong to a meeting (slides of a masterclass, a handout): ``meeting_id``.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..meetings.models import Meeting
from ..members.models import ExpertiseTag, User
from ..timeutil import UTCDateTime, utcnow

KINDS = {"link": _l("Link"), "file": _l("File"), "note": _l("Note")}

resource_tag_link = Table(
    "resource_tag_link",
    db.metadata,
    Column("resource_id", ForeignKey("resource.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "tag_id", ForeignKey("resource_tag.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class ResourceTag(db.Model):
    """A subject a resource is about; ``uses`` keeps the tag cloud cheap at any size."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    uses: Mapped[int] = mapped_column(Integer, default=0, index=True)

    normalise = staticmethod(ExpertiseTag.normalise)


class Resource(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), index=True)
    title: Mapped[str] = mapped_column(String(200))
    #: Markdown: the text of a note, or what a link or file is about.
    description: Mapped[str] = mapped_column(Text, default="")
    url: Mapped[str] = mapped_column(String(2000), default="")
    #: The uploaded file: a random storage key, its checked type and its own name.
    file_key: Mapped[str] = mapped_column(String(64), default="")
    file_name: Mapped[str] = mapped_column(String(200), default="")
    file_type: Mapped[str] = mapped_column(String(120), default="")
    file_family: Mapped[str] = mapped_column(String(10), default="")
    file_size: Mapped[int] = mapped_column(Integer, default=0)
    added_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meeting.id", ondelete="SET NULL"), index=True
    )
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    added_by: Mapped[User | None] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    tags: Mapped[list[ResourceTag]] = relationship(
        secondary=resource_tag_link, order_by=ResourceTag.name
    )

    @property
    def kind_label(self):
        return KINDS.get(self.kind, "")

    @property
    def previewable(self):
        return self.kind == "file" and self.file_family == "image"

    @property
    def host(self):
        from urllib.parse import urlsplit

        return urlsplit(self.url).hostname or "" if self.url else ""
