"""What coordinators prepare ahead: custom methods and standing intervision groups.

Shipped methods stay in code (``catalogue``), keyed; a ``MethodTemplate`` is a
coordinator's own method or an edited copy of a shipped one. Its phases are a JSON
list of ``{name, minutes, instruction, tip, silent, collects}``: they are always read and written
whole, never queried one by one.
"""

from sqlalchemy import JSON, Boolean, Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow
from .core.methods import Method, Phase

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
