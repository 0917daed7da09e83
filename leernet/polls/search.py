"""Date polls in the search, for every member (every member may answer one)."""

from flask import url_for
from flask_babel import lazy_gettext as _l

from ..markdown import plain_text
from ..search import Document, register
from .models import DatePoll


@register(
    "poll",
    model=DatePoll,
    label=_l("Date polls"),
    one=_l("Date poll"),
    url=lambda doc: url_for("polls.detail", poll_id=doc.object_id),
)
def poll_document(poll):
    parts = [plain_text(poll.description), poll.place]
    return Document(
        title=poll.title,
        body=" · ".join(p for p in parts if p),
        updated_at=poll.created_at,
    )
