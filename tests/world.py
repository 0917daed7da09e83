"""A small network with one of everything, for the tests that walk every route.

``VALUES`` maps each URL argument name to a value from this world; a new route with an
argument not listed here makes the route-walking tests fail until it is added.
"""

from leernet.extensions import db
from leernet.mail import deliver

from . import factories

ROLES = ("anonymous", "member", "non_participant", "facilitator", "coordinator")

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
    "intervision.new_sessions",
}

#: In the world's intervision session the member takes minutes, "facilitator"
#: facilitates, and the non-participant and the coordinator are not in it. Routes of
#: that session each role may not use (beyond what its level already refuses):
SESSION = {
    "intervision.session_page",
    "intervision.state",
    "intervision.control",
    "intervision.change_roles",
    "intervision.my_part",
    "intervision.case",
    "intervision.note",
    "intervision.reflection",
    "intervision.follow_up",
    "intervision.session_minutes",
    "intervision.case_bringer",
    "intervision.cards",
    "intervision.screen",
}
CONTENT = {"intervision.case", "intervision.reflection"}
#: What a coordinator outside the session may not do there (they see it and run it).
PARTICIPANTS_ONLY = {
    "intervision.note",
    "intervision.my_part",
    "intervision.follow_up",
    "intervision.session_minutes",
    "intervision.cards",
    "intervision.screen",
}
#: What the world's member may change because they made it (other members may not).
MEMBER_OWNS = {
    "resources.edit",
    "resources.delete",
    "questions.edit",
    "questions.delete",
    "questions.delete_answer",
    "value.edit_story",
    "value.delete_story",
} | (POSTER_ONLY := {"board.edit", "board.state", "discussion.change"})
#: ^ a coordinator may hide someone's notice or comment, never change it.
#: The world's minutes are shared with the meeting's attendees (the member was there).
ATTENDEES_ONLY = {
    "minutes.view",
    "minutes.compare",
    "minutes.edit",
    "minutes.history",
    "minutes.restore",
}
OTHERS_REFUSED = MEMBER_REFUSED | MEMBER_OWNS | ATTENDEES_ONLY
REFUSED = {
    "member": MEMBER_REFUSED
    | CONTENT
    | {"intervision.control", "intervision.change_roles", "intervision.follow_up"}
    | {"intervision.case_bringer"},
    "non_participant": OTHERS_REFUSED | SESSION,
    "facilitator": OTHERS_REFUSED | CONTENT | {"intervision.note", "intervision.follow_up"},
    "coordinator": CONTENT | PARTICIPANTS_ONLY | POSTER_ONLY,
}


def build():
    """Create the world inside an app context; return its people and URL values."""
    factories.network()
    coordinator = factories.user("Wendy Coördinator", coordinator=True, tags="governance")
    member = factories.user("Mo Lid", tags="subsidies")
    other = factories.user("Ota Ander", tags="hr")
    invitation = factories.invitation(name="Nieuw Lid")
    link, waiting = factories.group_link(coordinator, newcomer="Wachtend Lid")
    picture = factories.resource(
        member, "Foto van de bijeenkomst", kind="file", filename="foto.png", content=factories.PNG
    )
    question = factories.question(member)
    answer = factories.answer(question, other)
    meeting = factories.meeting("Netwerkbijeenkomst", days=3, host=coordinator)
    series, _meetings = factories.series("Intervisie", by=coordinator)
    poll = factories.poll(coordinator)
    decision = closed_decision(member, other)
    proposal = factories.decision(member, "Open voorstel", method="majority")
    comment = factories.comment(proposal, member)
    notice = factories.board_item(member, tags="subsidies")
    reply = factories.board_reply(notice, other)
    story = factories.story(member, link=("meeting", meeting.id))
    factories.story(other, "Alleen voor coördinatoren", visibility="coordinators")
    past = factories.meeting("Afgelopen bijeenkomst", days=-2, host=coordinator)
    factories.attend(past, member)
    factories.checkout(past, member, takeaway="Een les")
    factories.attend(meeting, member)
    minutes = factories.minutes(meeting, coordinator, "Eerste versie", "Tweede", state="shared")
    action = factories.action(member, by=coordinator, meeting=meeting, minutes=minutes)
    session, commitment, template, group = intervision(meeting, coordinator, member, other)
    message = deliver("answer", "Een antwoord", "Ja.", user=member, link="/questions/")
    db.session.commit()
    people = {
        "coordinator": coordinator.email,
        "member": member.email,
        "other": other.email,
        "facilitator": session.holder("facilitator").user.email,
        "non_participant": factories.user("Nina Buiten").email,
    }
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
        "session_id": session.id,
        "phase": 0,
        "commitment_id": commitment.id,
        "method_key": "incident",
        "template_id": template.id,
        "group_id": group.id,
        "message_id": message.id,
        "link_id": link.id,
        "request_id": waiting.id,
        "item_id": notice.id,
        "reply_id": reply.id,
        "comment_id": comment.id,
    }
    return people, values


def intervision(meeting, coordinator, member, other):
    """A session in ``meeting`` (roles set, not started) and a finished one before it,
    whose case-bringer committed to an action, plus a custom method and a standing group."""
    from leernet.intervision.models import IntervisionGroup, MethodTemplate

    facilitator = factories.user("Fien Facilitator")
    timekeeper = factories.user("Tim Tijd")
    people = [facilitator, member, other, timekeeper]
    group = IntervisionGroup(name="Groep Noord", members=people)
    db.session.add(group)
    earlier = factories.meeting("Intervisie vorige keer", days=-25, host=coordinator)
    before = factories.intervision(
        earlier,
        people,
        roles={"facilitator": timekeeper, "case_bringer": other, "timekeeper": facilitator},
        status="finished",
        group_id=group.id,
        case_question="Hoe zeg ik nee tegen een opdrachtgever?",
    )
    commitment = factories.commitment(before, other)
    session = factories.intervision(
        meeting,
        people,
        roles={
            "facilitator": facilitator,
            "case_bringer": other,
            "timekeeper": timekeeper,
            "minute_taker": member,
        },
        group_id=group.id,
    )
    template = MethodTemplate(
        name="Onze incidentmethode",
        roles=["facilitator", "case_bringer", "timekeeper"],
        phases=[{"name": "Ronde", "minutes": 10, "instruction": "Praat.", "silent": False}],
    )
    db.session.add(template)
    db.session.commit()
    return session, commitment, template, group


def closed_decision(proposer, other):
    """A closed decision: every decisions route must refuse to change it (409)."""
    from leernet.decisions import service
    from leernet.timeutil import utcnow

    decision = factories.decision(proposer, "Gesloten besluit", review_on=None)
    factories.stance(decision, other, "objection", "Te duur.")
    service.close(decision, utcnow(), notify=False)
    db.session.commit()
    return decision
