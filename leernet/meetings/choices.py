"""Meetings to pick from in other features' forms (a decision, a resource, an action)."""

from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import SelectField

from ..extensions import db
from ..forms import choices
from ..i18n import format_date
from ..timeutil import utcnow
from .models import Meeting

#: Recent and upcoming meetings: what a proposal or a resource usually belongs to.
BEFORE, AFTER, LIMIT = timedelta(days=120), timedelta(days=120), 40
#: The largest id an integer column holds on PostgreSQL.
MAX_ID = 2**31 - 1


def an_id(value):
    """``value`` as a row id, or None (typed-in numbers can be anything)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


def meeting_choices(current_id=None):
    """``(id, "date · title")`` pairs, newest first, plus ``current_id`` if it is older."""
    now = utcnow()
    query = (
        select(Meeting.id, Meeting.title, Meeting.starts_at)
        .where(
            Meeting.starts_at >= now - BEFORE,
            Meeting.starts_at <= now + AFTER,
            Meeting.cancelled_at.is_(None),
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(LIMIT)
    )
    rows = db.session.execute(query).all()
    current_id = an_id(current_id)
    if current_id and current_id not in {row.id for row in rows}:
        extra = db.session.execute(
            select(Meeting.id, Meeting.title, Meeting.starts_at).where(Meeting.id == current_id)
        ).first()
        if extra is not None:
            rows.append(extra)
    return [(row.id, f"{format_date(row.starts_at, 'medium')} · {row.title}") for row in rows]


def meeting_field(description=None):
    """An optional "which meeting?" select; fill its choices with ``fill_meetings``."""
    return SelectField(_l("Meeting (optional)"), coerce=int, default=0, description=description)


def fill_meetings(field, current=None):
    """Offer recent and upcoming meetings (and the one already chosen) or none."""
    field.choices = choices([(0, _l("No meeting")), *meeting_choices(current or field.data)])
    if field.data is None:
        field.data = 0
