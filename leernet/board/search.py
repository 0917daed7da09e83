"""Notices in the search, with their replies; one no longer on the board says so in its
title (in the network's language, as the index is shared by everyone)."""

from flask import url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ..admin.models import current_network
from ..markdown import plain_text
from ..search import Document, register
from .items import KINDS, STATE_LABELS, is_current
from .models import OPEN, BoardItem, BoardReply


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
    network = current_network()
    with force_locale(network.language if network else "nl"):
        title = f"{KINDS.get(item.kind, '')}: {item.title}"
        if not is_current(item):
            state = STATE_LABELS[item.state] if item.state != OPEN else _l("ended")
            title = f"{title} ({state})"
    parts = [plain_text(item.body)] + [
        plain_text(r.body) for r in item.replies if r.hidden_at is None
    ]
    return Document(title=title, body=" · ".join(p for p in parts if p), updated_at=item.updated_at)
