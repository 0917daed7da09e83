"""A proposal's discussion in the search: one document per thread, found on its decision.

The kind's model is the decision, so closing one re-indexes its thread and the title says
it has closed; drafts have no thread, hidden comments are not indexed.
"""

from flask import url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from ..board.search import network_language
from ..decisions.models import Decision
from ..markdown import plain_text
from ..search import Document, register
from .models import ProposalComment
from .thread import is_open


@register(
    "discussion",
    model=Decision,
    label=_l("Discussions"),
    url=lambda doc: url_for("decisions.detail", decision_id=doc.object_id) + "#discussion",
    watch={ProposalComment: lambda item: [item.decision_id]},
    options=lambda query: query.options(selectinload(Decision.comments)),
)
def discussion_document(decision):
    said = [c for c in decision.comments if c.hidden_at is None]
    if not said:
        return None
    with force_locale(network_language()):
        title = str(_l("Discussion: %(title)s", title=decision.title))
        if not is_open(decision):
            title = f"{title} ({_l('closed')})"
    return Document(
        title=title,
        body=" · ".join(plain_text(c.body) for c in said),
        updated_at=max(c.created_at for c in said),
    )
