"""Decisions in the search: the proposal, its background and what was decided.

A draft is its proposer's alone until it opens (``detail.can_see``), so only the
proposer finds it; every other decision is found by every member. A decision is dated
by the moment that matters most: when it closed, else when it opened.
"""

from flask import url_for
from flask_babel import lazy_gettext as _l

from ..markdown import plain_text
from ..search import NETWORK, RESTRICTED, Document, register
from . import rules
from .models import Decision


@register(
    "decision",
    model=Decision,
    label=_l("Decisions"),
    one=_l("Decision"),
    url=lambda doc: url_for("decisions.detail", decision_id=doc.object_id),
)
def decision_document(decision):
    draft = decision.status == rules.DRAFT
    if draft and decision.proposer_id is None:
        return None
    parts = (decision.proposal, decision.background, decision.resolution, decision.weighing)
    return Document(
        title=decision.title,
        body=" · ".join(plain_text(p) for p in parts if p),
        audience=RESTRICTED if draft else NETWORK,
        users=[decision.proposer_id] if draft else (),
        updated_at=decision.closed_at or decision.opened_at or decision.created_at,
    )
