"""A small network with one of everything, for the tests that walk every route.

``VALUES`` maps each URL argument name to a value from this world; a new route with an
argument not listed here makes the route-walking tests fail until it is added.
"""

from leernet.extensions import db

from . import factories

ROLES = ("anonymous", "member", "coordinator")

#: Routes whose object rule refuses the plain member of this world (who did not host the
#: meeting or open the poll, and may not schedule): they must answer 403 to them.
MEMBER_REFUSED = {
    "meetings.new",
    "meetings.edit",
    "meetings.cancel",
    "meetings.attendance_page",
    "meetings.mark",
    "polls.new",
    "polls.schedule",
    "polls.close",
    "minutes.share",
    "minutes.approve",
    "minutes.unlock",
    "minutes.visibility",
}


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
    meeting = factories.meeting("Netwerkbijeenkomst", days=3, host=coordinator)
    series, _meetings = factories.series("Intervisie", by=coordinator)
    poll = factories.poll(coordinator)
    decision = closed_decision(member, other)
    factories.decision(member, "Open voorstel", method="majority")
    story = factories.story(member, link=("meeting", meeting.id))
    factories.story(other, "Alleen voor coördinatoren", visibility="coordinators")
    past = factories.meeting("Afgelopen bijeenkomst", days=-2, host=coordinator)
    factories.attend(past, member)
    factories.checkout(past, member, takeaway="Een les")
    factories.attend(meeting, member)
    minutes = factories.minutes(meeting, coordinator, "Eerste versie", "Tweede", state="shared")
    action = factories.action(member, by=coordinator, meeting=meeting, minutes=minutes)
    db.session.commit()
    people = {"coordinator": coordinator.email, "member": member.email, "other": other.email}
    values = {
        "member_id": other.id,
        "invitation_id": invitation.id,
        "decision_id": decision.id,
        "token": "not-a-valid-token",
        "resource_id": picture.id,
        "question_id": question.id,
        "answer_id": answer.id,
        "card_name": "coordinator",
        "meeting_id": meeting.id,
        "series_id": series.id,
        "poll_id": poll.id,
        "story_id": story.id,
        "minutes_id": minutes.id,
        "action_id": action.id,
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
