"""One search box over everything the network keeps, respecting who may see what.

Features plug in by registering a *kind* in their own ``<feature>/search.py``, which
their ``init_app`` imports::

    from ..search import RESTRICTED, Document, register

    @register("minutes", model=Minutes, label=_l("Minutes"),
              url=lambda doc: url_for("meetings.minutes", meeting_id=doc.parent_id),
              watch={Attendance: lambda row: [row.minutes_id]})
    def minutes_document(minutes):
        if minutes.state == "draft":
            return None                      # not findable (removed from the index)
        return Document(title=..., body=..., audience=RESTRICTED,
                        users=attendee_ids, parent_id=minutes.meeting_id)

The index (``index.py``) then follows every commit that adds, changes or deletes a
watched object.
Why the words are not stemmed: members write Dutch and English side by side (and
names, tags and jargon); PostgreSQL's 'simple' configuration treats both languages
alike and matches SQLite FTS5, and prefix matching in ``text.Query`` stands in for a
stemmer ("subsidie" finds "subsidies" and "subsidieaanvraag").
"""

from flask import Blueprint

from .index import refresh, reindex
from .models import COORDINATORS, NETWORK, RESTRICTED, SearchAudience, SearchDocument
from .registry import KINDS, Document, register

__all__ = [
    "COORDINATORS",
    "KINDS",
    "NETWORK",
    "RESTRICTED",
    "Document",
    "SearchAudience",
    "SearchDocument",
    "bp",
    "init_app",
    "refresh",
    "register",
    "reindex",
]


bp = Blueprint("search", __name__)


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cli,  # command: leernet reindex
    )


from . import views  # noqa: E402, F401  (routes)
