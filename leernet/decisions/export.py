"""The member's own proposals and stances, in the export of their data."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..members.export import section, stamp
from .models import Decision, Stance


@section("decisions")
def decisions_export(user):
    proposals = db.session.scalars(
        select(Decision).where(Decision.proposer_id == user.id).order_by(Decision.id)
    )
    stances = db.session.scalars(
        select(Stance)
        .options(joinedload(Stance.decision))
        .where(Stance.member_id == user.id)
        .order_by(Stance.id)
    )
    return {
        "proposals": [
            {
                "title": d.title,
                "proposal": d.proposal,
                "background": d.background,
                "method": d.method,
                "status": d.status,
                "outcome": d.outcome,
                "version": d.version,
                "created": stamp(d.created_at),
                "opened": stamp(d.opened_at),
                "closes": stamp(d.closes_at),
                "closed": stamp(d.closed_at),
                "review_on": d.review_on.isoformat() if d.review_on else None,
                "resolution": d.resolution,
                "weighing": d.weighing,
            }
            for d in proposals
        ],
        "stances": [
            {
                "decision": s.decision.title,
                "stance": s.kind,
                "reason": s.reason,
                "on_version": s.version,
                "given": stamp(s.created_at),
                "changed": stamp(s.updated_at),
            }
            for s in stances
        ],
    }
