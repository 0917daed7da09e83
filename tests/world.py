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
    picture = factories.resource(
        member, "Foto van de bijeenkomst", kind="file", filename="foto.png", content=factories.PNG
    )
    question = factories.question(member)
    answer = factories.answer(question, other)
    db.session.commit()
    people = {"coordinator": coordinator.email, "member": member.email, "other": other.email}
    values = {
        "member_id": other.id,
        "invitation_id": invitation.id,
        "token": "not-a-valid-token",
        "resource_id": picture.id,
        "question_id": question.id,
        "answer_id": answer.id,
    }
    return people, values
