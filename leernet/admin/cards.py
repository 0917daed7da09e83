"""The coordinator's home card: people still to invite or welcome."""

from sqlalchemy import func, select

from ..extensions import db
from ..home import card
from ..members.models import User
from ..timeutil import utcnow
from .models import Invitation


@card("coordinator", "admin/_card.html", order=90)
def coordinator_card(user):
    if not user.is_coordinator:
        return None
    open_invitations = (
        select(func.count(Invitation.id))
        .where(
            Invitation.used_at.is_(None),
            Invitation.revoked_at.is_(None),
            Invitation.expires_at > utcnow(),
        )
        .scalar_subquery()
    )
    members = select(func.count(User.id)).where(User.active.is_(True)).scalar_subquery()
    # One query for both counts: the home page has a budget of 12 for all its cards.
    row = db.session.execute(select(open_invitations, members)).one()
    return {"open_invitations": row[0], "members": row[1]}
