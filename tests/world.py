"""A small network with one of everything, for the tests that walk every route.

``VALUES`` maps each URL argument name to a value from this world; a new route with an
argument not listed here makes the route-walking tests fail until it is added.
"""

from leernet.extensions import db

from . import factories

ROLES = ("anonymous", "member", "coordinator")


def build():
    """Create the world inside an app context; return its people and URL values."""
    factories.network()
    coordinator = factories.user("Wendy Coördinator", coordinator=True, tags="governance")
    member = factories.user("Mo Lid", tags="subsidies")
    other = factories.user("Ota Ander", tags="hr")
    invitation = factories.invitation(name="Nieuw Lid")
    decision = closed_decision(member, other)
    factories.decision(member, "Open voorstel", method="majority")
    db.session.commit()
    people = {"coordinator": coordinator.email, "member": member.email, "other": other.email}
    values = {
        "member_id": other.id,
        "invitation_id": invitation.id,
        "decision_id": decision.id,
        "token": "not-a-valid-token",
    }
    return people, values


def closed_decision(proposer, other):
    """A closed decision: every decisions route must refuse to change it (409)."""
    from leernet.decisions import service
    from leernet.timeutil import utcnow

    decision = factories.decision(proposer, "Gesloten besluit", review_on=None)
    factories.stance(decision, other, "objection", "Te duur.")
    service.close(decision, utcnow(), notify=False)
    db.session.commit()
    return decision
