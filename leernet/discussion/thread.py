"""The rules of a proposal's discussion.

The thread opens when the proposal is published (a draft is its proposer's alone) and
stays open through the voting window; once the decision closes or is withdrawn it is
read-only, like the outcome. A comment is said about the version of the proposal it was
written on; its author may change its words while the thread is open, nobody else may
(a coordinator may hide it, which the row records).
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..decisions import rules
from ..extensions import db
from ..timeutil import utcnow
from .forms import CommentForm
from .models import ProposalComment

#: Comments the decision page shows at first (the newest); the rest on request. A long
#: discussion would otherwise make the page slower with every comment.
SHOWN = 20


class DiscussionError(ValueError):
    """A rule stopped the comment; ``str(error)`` is shown to the member."""


def is_open(decision):
    return decision.status == rules.OPEN


def refusal(decision):
    """Why nobody may comment now, or None while the thread is open."""
    if decision.status == rules.DRAFT:
        return _l("The discussion opens when the proposal is published.")
    if not is_open(decision):
        return _l("This proposal has closed: its discussion can be read, not added to.")
    return None


def comment(user, decision, body):
    reason = refusal(decision)
    if reason:
        raise DiscussionError(reason)
    item = ProposalComment(
        decision_id=decision.id, version=decision.version, body=body.strip(), author=user
    )
    db.session.add(item)
    return item


def may_edit(user, item):
    return item.author_id == user.id and item.hidden_at is None


def edit(item, body):
    reason = refusal(item.decision)
    if reason:
        raise DiscussionError(reason)
    item.body = body.strip()
    item.edited_at = utcnow()


def comments(decision, limit=None):
    """``(comments oldest first with their authors, whether earlier ones were left out)``:
    the newest ``limit`` (all without one), in one query."""
    query = (
        select(ProposalComment)
        .options(joinedload(ProposalComment.author))
        .where(ProposalComment.decision_id == decision.id)
        .order_by(ProposalComment.created_at.desc(), ProposalComment.id.desc())
    )
    if limit is not None:
        query = query.limit(limit + 1)
    found = db.session.scalars(query).all()
    earlier = limit is not None and len(found) > limit
    return list(reversed(found[:limit] if earlier else found)), earlier


def thread_context(decision, form=None, everything=False):
    """What the decision page needs to show the discussion (drafts have none): the
    newest ``SHOWN`` comments unless ``everything`` is asked for."""
    if decision.status == rules.DRAFT:
        return {"thread": None}
    thread, earlier = comments(decision, None if everything else SHOWN)
    return {
        "thread": thread,
        "earlier_comments": earlier,
        "thread_open": is_open(decision),
        "comment_form": form or CommentForm(formdata=None),
    }
