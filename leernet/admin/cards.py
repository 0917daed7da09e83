"""The coordinator's home cards: the first days' checklist and approvals; people to invite."""

from sqlalchemy import func, select

from ..extensions import db
from ..home import card
from ..meetings.models import Meeting
from ..members.models import User
from ..polls.models import DatePoll
from ..timeutil import utcnow
from .group_links import GroupLink, waiting
from .models import Invitation


@card("coordinator", "admin/_card.html", order=90, lazy=True)
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
    counts = db.session.execute(select(open_invitations, members)).one()
    return {"open_invitations": counts[0], "members": counts[1]}


@card("start", "admin/_start_card.html", order=5, lazy=True)
def start_card(user):
    """The first days: who waits for approval, and a checklist that ticks itself off."""
    if not user.is_coordinator:
        return None

    def some(model):
        return select(model.id).limit(1).exists()

    planned, invited, grouped, joined = db.session.execute(
        select(
            some(Meeting) | some(DatePoll),
            some(Invitation),
            some(GroupLink),
            select(User.id).where(User.active.is_(True), User.id != user.id).limit(1).exists(),
        )
    ).one()
    steps = [
        ("plan", planned, "meetings.new"),
        ("invite", invited, "admin.invitations"),
        ("group", grouped, "admin.invitations"),
        ("room", joined, "admin.invitations"),
    ]
    requests = waiting()
    if all(done for _, done, _ in steps) and not requests:
        return None
    return {"steps": steps, "requests": requests, "all_done": all(d for _, d, _ in steps)}
