"""The comments a member wrote on proposals, in their data export."""

from sqlalchemy import select

from ..extensions import db
from ..members.export import section, stamp
from .models import ProposalComment


@section("proposal_comments")
def comments_section(user):
    rows = db.session.scalars(
        select(ProposalComment)
        .where(ProposalComment.author_id == user.id)
        .order_by(ProposalComment.id)
    )
    return [
        {
            "proposal": c.decision.title,
            "version": c.version,
            "body": c.body,
            "written": stamp(c.created_at),
            "edited": stamp(c.edited_at),
        }
        for c in rows
    ]
