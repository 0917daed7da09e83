"""Meetings in the search: found by title, agenda, place and guests, dated by their start.

Every member sees every meeting, cancelled ones too (a search for last spring's
masterclass should find it, and its page says it was cancelled).
"""

from flask import url_for
from flask_babel import lazy_gettext as _l

from ..markdown import plain_text
from ..search import Document, register
from .models import Meeting


@register(
    "meeting",
    model=Meeting,
    label=_l("Meetings"),
    one=_l("Meeting"),
    url=lambda doc: url_for("meetings.detail", meeting_id=doc.object_id),
)
def meeting_document(meeting):
    parts = [plain_text(meeting.agenda), meeting.place, " ".join(meeting.guests.split())]
    return Document(
        title=meeting.title,
        body=" · ".join(p for p in parts if p),
        updated_at=meeting.starts_at,
    )
