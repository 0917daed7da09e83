"""The room over HTTP: the case-bringer chosen in the session, cards in a round, the room
screen and its pairing link, and a coordinator who takes part seeing their own role."""

import re

from sqlalchemy import select

from leernet.extensions import db
from leernet.intervision import live, privacy, roles
from leernet.intervision.models import Card, Participant, Session
from leernet.intervision.plans import Plan
from leernet.minutes import service as minutes_service
from leernet.timeutil import utcnow

from . import intervision_world as iw
from .conftest import HTMX


def row(app, world):
    with app.app_context():
        db.session.expire_all()
        return db.session.get(Session, world["session_id"])


def held(app, world):
    with app.app_context():
        rows = db.session.scalars(
            select(Participant).where(Participant.session_id == world["session_id"])
        ).all()
        return {p.user_id: (p.role, p.held_role) for p in rows}


def press(client, world, action):
    return client.post(
        iw.url(world, "/timer"),
        data={"action": action, "version": row(client.application, world).version},
        headers=HTMX,
    )


def choose(client, world, who):
    return client.post(
        iw.url(world, "/case-bringer"), data={"member": world["ids"][who]}, headers=HTMX
    )


def test_the_case_bringer_changes_in_phase_1_as_a_swap_rotation_records(app, client, world):
    iw.login(client, world, "facilitator")
    assert press(client, world, "start").status_code == 200
    answer = choose(client, world, "timekeeper")
    assert answer.status_code == 200 and "Tim Tijd brings the case." in answer.get_data(True)
    ids = world["ids"]
    roles = held(app, world)
    assert roles[ids["timekeeper"]] == ("case_bringer", "case_bringer")
    assert roles[ids["case_bringer"]] == ("timekeeper", "timekeeper"), "a swap"
    assert row(app, world).version == 2, "every phone follows"


def test_volunteers_are_listed_first_for_the_case(app, client, world):
    with app.app_context():
        session = db.session.get(Session, world["session_id"])
        session.participant(world["ids"]["plain"]).volunteered = True
        db.session.commit()
    iw.login(client, world, "facilitator")
    page = press(client, world, "start").get_data(True)
    choices = page.split('id="case-bringer"', 1)[1].split("</select>", 1)[0]
    names = re.findall(r">([^<]+)</option>", choices)
    assert names[0] == "Piet Deelnemer (has a case)" and len(names) == 5, "anyone in the group"


def test_the_case_bringer_stays_once_the_group_works_on_the_case(app, client, world):
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    press(client, world, "next")  # incident: no silent phase, so phase 1 is the limit
    refused = choose(client, world, "timekeeper")
    assert refused.status_code == 409
    assert "can no longer change" in refused.get_data(True)
    assert held(app, world)[world["ids"]["case_bringer"]][0] == "case_bringer"
    iw.login(client, world, "plain")
    assert choose(client, world, "plain").status_code == 403, "not for those without the role"


def test_the_case_bringer_may_change_until_the_first_silent_phase(app, client):
    with app.app_context():
        world = iw.build(method="gossip", status="running", started_at=utcnow(), phase=2)
    iw.login(client, world, "facilitator")
    assert choose(client, world, "plain").status_code == 200
    press(client, world, "next")  # the gossip round: the case-bringer turns away
    assert choose(client, world, "timekeeper").status_code == 409


def write(client, world, text):
    return client.post(iw.url(world, "/cards"), data={"do": "add", "text": text}, headers=HTMX)


def test_cards_reach_the_case_bringer_are_marked_and_go_into_the_minutes(app, client, world):
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    assert write(client, world, "Te vroeg").status_code == 409, "phase 1 collects nothing"
    press(client, world, "next")
    press(client, world, "next")  # exploring questions: a question round
    assert write(client, world, "Wat wilde je <bereiken>?").status_code == 200
    iw.login(client, world, "plain")
    assert write(client, world, "Wie was er bij?").status_code == 200
    assert write(client, world, "   ").status_code == 422
    iw.login(client, world, "case_bringer")
    assert write(client, world, "Aan mezelf").status_code == 409, "not to oneself"
    page = client.get(iw.url(world)).get_data(True)
    assert "2 cards for you" in page and "Wat wilde je &lt;bereiken&gt;?" in page
    with app.app_context():
        first = db.session.scalar(select(Card.id).order_by(Card.id))
    marked = client.post(iw.url(world, "/cards"), data={"do": "mark", "card": first}, headers=HTMX)
    assert marked.status_code == 200 and 'aria-pressed="true"' in marked.get_data(True)
    iw.login(client, world, "plain")
    mine = client.get(iw.url(world)).get_data(True)
    assert "Wie was er bij?" in mine and "bereiken" not in mine, "others see only their own"
    iw.login(client, world, "facilitator")
    press(client, world, "finish")
    with app.app_context():
        text = minutes_service.find("session", world["session_id"]).text
    assert "- Wat wilde je <bereiken>? (helped)" in text and "- Wie was er bij?" in text


def test_a_card_from_outside_the_session_or_the_round_is_refused(app, client, world):
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    press(client, world, "next")
    press(client, world, "next")
    iw.login(client, world, "plain")
    write(client, world, "Vertrouwelijke vraag")
    for who in ("outsider", "coordinator"):
        iw.login(client, world, who)
        assert write(client, world, "Binnendringer").status_code == 403, who
        assert "Vertrouwelijke vraag" not in client.get(iw.url(world)).get_data(True), who
        assert "Vertrouwelijke" not in client.get(iw.url(world, "/state")).get_data(True), who
    with app.app_context():
        assert db.session.scalars(select(Card.text)).all() == ["Vertrouwelijke vraag"]


def test_in_troika_each_rounds_cards_are_for_that_rounds_client_only(app, client):
    with app.app_context():
        world = iw.build(method="troika")
        session = db.session.get(Session, world["session_id"])
        second = roles.client_for(session, Plan(session.plan), 2).user_id
    first, by_id = "case_bringer", {v: k for k, v in world["ids"].items()}
    second, writer = by_id[second], "plain" if by_id[second] != "plain" else "minute_taker"
    iw.login(client, world, "timekeeper")
    press(client, world, "start")
    press(client, world, "next")  # round 1: clarifying questions, for Cas
    iw.login(client, world, writer)
    assert write(client, world, "Voor Cas alleen").status_code == 200
    for _ in range(4):  # round 2: clarifying questions, for the second client
        iw.login(client, world, "timekeeper")
        press(client, world, "next")
    iw.login(client, world, writer)
    assert write(client, world, "Voor de tweede").status_code == 200
    iw.login(client, world, second)
    page = client.get(iw.url(world)).get_data(True)
    assert "Voor de tweede" in page and "Voor Cas alleen" not in page
    with app.app_context():
        for_cas = db.session.scalar(select(Card.id).where(Card.text == "Voor Cas alleen"))
    marked = client.post(iw.url(world, "/cards"), data={"do": "mark", "card": for_cas},
                         headers=HTMX)  # fmt: skip
    assert marked.status_code == 404, "another round's card is not theirs to mark"
    iw.login(client, world, first)
    page = client.get(iw.url(world)).get_data(True)
    assert "Voor de tweede" not in page, "Cas writes in round 2 and reads no one's cards"


def test_cards_are_erased_with_the_case(app, client, world):
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    press(client, world, "next")
    press(client, world, "next")
    write(client, world, "Een vraag")
    with app.app_context():
        privacy.remove(world["session_id"], utcnow())
        db.session.commit()
        assert db.session.scalar(select(Card.id)) is None


def test_the_room_screen_shows_no_case_and_pairs_for_this_session_until_the_finish(
    app, client, world
):
    with app.app_context():
        db.session.get(Session, world["session_id"]).case_question = "Geheime casus"
        db.session.commit()
    iw.login(client, world, "outsider")
    assert client.get(iw.url(world, "/screen")).status_code == 403
    iw.login(client, world, "coordinator")
    assert client.get(iw.url(world, "/screen")).status_code == 403, "participants only"
    iw.login(client, world, "plain")
    screen = client.get(iw.url(world, "/screen")).get_data(True)
    assert "Geheime casus" not in screen and "Starting soon" in screen
    link = re.search(r'id="pair-link" type="text" readonly value="([^"]+)"', screen).group(1)
    path = link.split("//", 1)[1].split("/", 1)[1]
    anonymous = app.test_client()
    paired = anonymous.get("/" + path)
    assert paired.status_code == 200 and "Geheime casus" not in paired.get_data(True)
    assert "Cas Casus" in paired.get_data(True), "who holds which role"
    assert anonymous.get(f"/{path}/state?v=0").status_code == 204
    assert anonymous.get(iw.url(world)).status_code == 302, "the link opens nothing else"
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    press(client, world, "finish")
    ended = anonymous.get("/" + path)
    assert ended.status_code == 200 and "This session has finished." in ended.get_data(True)
    assert anonymous.get(f"/{path}/state?v=1").status_code == 286
    unknown = anonymous.get("/intervision/screen/nonsense")
    assert unknown.status_code == 404 and "not valid" in unknown.get_data(True)


def test_a_coordinator_who_brings_the_case_gets_the_case_bringers_view(app, client, world):
    with app.app_context():
        session = db.session.get(Session, world["session_id"])
        cas = session.participant(world["ids"]["case_bringer"])
        session.participants.remove(cas)
        db.session.flush()
        session.participants.append(
            Participant(user_id=world["ids"]["coordinator"], role="case_bringer")
        )
        db.session.commit()
    iw.login(client, world, "coordinator")
    page = client.get(iw.url(world)).get_data(True)
    assert "Your case question" in page and "Start the session" not in page
    assert press(client, world, "start").status_code == 403


def test_groups_for_the_day_beside_a_standing_group_are_numbered_from_one(app, client, network):
    from leernet.intervision.models import IntervisionGroup

    from .test_intervision_setup import checked_in_meeting, login_email

    with app.app_context():
        host, meeting, people = checked_in_meeting(9)
        group = IntervisionGroup(name="Groep Noord", members=people[:5])
        db.session.add(group)
        db.session.commit()
        email, meeting_id, group_id = host.email, meeting.id, group.id
    login_email(client, email)
    new = f"/intervision/meeting/{meeting_id}/new"
    page = client.get(new).get_data(True)
    beside = r'<label><input[^>]*name="groups"[^>]*> <span>Groep Noord</span></label>'
    assert re.search(beside, page)
    client.post(new, data={"method": "incident", "grouping": "standing", "groups": group_id,
                             "size": "4"})  # fmt: skip
    page = client.get(new).get_data(True)
    assert "9 members have checked in. 4 of them are not yet in a group." in page
    done = client.post(new, data={"method": "incident", "grouping": "day", "size": "4"},
                       follow_redirects=True)  # fmt: skip
    assert "1 group is ready." in done.get_data(True)
    with app.app_context():
        names = db.session.scalars(select(Session.name).order_by(Session.id)).all()
    assert names == ["Groep Noord", "Group 1"]


def test_a_custom_method_marks_its_collecting_phases_and_a_copy_keeps_the_marks(
    app, client, world
):
    from leernet.intervision.models import MethodTemplate
    from leernet.intervision.plans import Plan, snapshot

    iw.login(client, world, "coordinator")
    edit = client.post("/intervision/methods/gossip/copy").headers["Location"]
    with app.app_context():
        copied = db.session.scalar(select(MethodTemplate))
        assert [p["collects"] for p in copied.phases] == [False, False, True, True, False, False]
    form = {"name": "Adviesronde", "roles": ["facilitator", "case_bringer"], "turns": "1",
            "phases-0-name": "Vragen", "phases-0-minutes": "10", "phases-0-collects": "y",
            "phases-1-name": "Slot", "phases-1-minutes": "5"}  # fmt: skip
    assert client.post(edit, data=form).status_code == 303
    with app.app_context():
        method = db.session.scalar(select(MethodTemplate)).to_method()
        plan = Plan(snapshot(method, shipped=False))
        assert [p.collects for p in plan.phases()] == [True, False]


def test_a_press_counts_against_the_clock_it_saw_not_against_cards_or_roles(app, client, world):
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    with app.app_context():
        mark = live.timer_mark(db.session.get(Session, world["session_id"]).timer_state)
    choose(client, world, "timekeeper")  # bumps the version, the clock stays as it was
    go = {"action": "next", "version": 1, "clock": mark}
    assert client.post(iw.url(world, "/timer"), data=go, headers=HTMX).status_code == 200
    assert row(app, world).phase == 1
    again = client.post(iw.url(world, "/timer"), data=go, headers=HTMX)
    assert "Someone else was just quicker" in again.get_data(True), "never a double step"
    assert row(app, world).phase == 1
