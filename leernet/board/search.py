"""Notices in the search, with their replies. The title says, in the network's language
(the index is shared by everyone), what the index can keep true without being touched
again: filled or closed (a write re-indexes), or the end date (not "ended", which the
calendar would make stale overnight)."""

from flask import current_app, g, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..admin.models import Network
from ..extensions import db
from ..i18n import format_date
from ..markdown import plain_text
from ..search import Document, register
from .items import KINDS, STATE_LABELS
from .models import OPEN, BoardItem, BoardReply


def network_language():
    """The network's language as a plain value, read once per app context: re-indexing
    in batches detaches every object (the network's too) between batches."""
    if "index_language" not in g:
        language = db.session.scalar(select(Network.language).order_by(Network.id).limit(1))
        g.index_language = language or current_app.config["BABEL_DEFAULT_LOCALE"]
    return g.index_language


@register(
    "board",
    model=BoardItem,
    label=_l("Notice board"),
    url=lambda doc: url_for("board.detail", item_id=doc.object_id),
    watch={BoardReply: lambda reply: [reply.item_id]},
    options=lambda query: query.options(selectinload(BoardItem.replies)),
)
def board_document(item):
    if item.hidden_at is not None:
        return None
    with force_locale(network_language()):
        title = f"{KINDS.get(item.kind, '')}: {item.title}"
        if item.state != OPEN:
            title = f"{title} ({STATE_LABELS[item.state]})"
        elif item.ends_on is not None:
            title = f"{title} ({_('until %(date)s', date=format_date(item.ends_on))})"
    parts = [plain_text(item.body)] + [
        plain_text(r.body) for r in item.replies if r.hidden_at is None
    ]
    return Document(title=title, body=" · ".join(p for p in parts if p), updated_at=item.updated_at)
