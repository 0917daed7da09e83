"""Notices in the search, with their replies; one no longer on the board says so in its
title, in the network's language (the index is shared by everyone)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from flask import current_app, g, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..admin.models import Network
from ..extensions import db
from ..markdown import plain_text
from ..search import Document, register
from .items import KINDS, STATE_LABELS, is_current
from .models import OPEN, BoardItem, BoardReply


def network_settings():
    """``(language, time zone)`` as plain values, read once per app context: re-indexing
    in batches detaches every object (the network's too) between batches."""
    if "index_settings" not in g:
        row = db.session.execute(
            select(Network.language, Network.timezone).order_by(Network.id).limit(1)
        ).first()
        g.index_settings = tuple(row) if row else ("nl", current_app.config["NETWORK_TIMEZONE"])
    return g.index_settings


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
    language, timezone = network_settings()
    today = datetime.now(ZoneInfo(timezone)).date()
    with force_locale(language):
        title = f"{KINDS.get(item.kind, '')}: {item.title}"
        if not is_current(item, today):
            title = f"{title} ({STATE_LABELS[item.state] if item.state != OPEN else _l('ended')})"
    parts = [plain_text(item.body)] + [
        plain_text(r.body) for r in item.replies if r.hidden_at is None
    ]
    return Document(title=title, body=" · ".join(p for p in parts if p), updated_at=item.updated_at)
