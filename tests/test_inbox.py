"""The inbox: my messages only, who hears what by default, my choices, the outbox's part."""

from sqlalchemy import select

from leernet.extensions import db
from leernet.inbox import preferences
from leernet.inbox.kinds import DAILY, INBOX, NOW, TOPICS
from leernet.mail import OutboxMessage, deliver

from . import factories
from .conftest import login_as
from .minutes_helpers import crew, meeting_of, member, minutes_of  # noqa: F401
from .test_decisions import proposal

SECRET = "Zorgen-om-Jolanda-7731"  # a marker no page may show to anyone but the owner


def messages(kind):
    return db.session.execute(
        select(OutboxMessage.user_id, OutboxMessage.delivery)
        .where(OutboxMessage.kind == kind)
        .order_by(OutboxMessage.user_id)
    ).all()


def test_a_confidential_action_leaves_no_trace_in_the_outbox(app, client, crew):  # noqa: F811
    """Issue 13, door 2: the action's text reaches its owner, and no coordinator."""
    with app.app_context():
        factories.minutes(meeting_of(crew), member(crew, "member"), state="shared")
        minutes_id = minutes_of(crew["meeting"]).id
    login_as(client, crew, "member")
    added = client.post(
        f"/meetings/actions/new?minutes={minutes_id}",
        data={"what": SECRET, "owner": crew["other"][0], "due_on": ""},
    )
    assert added.status_code == 303
    login_as(client, crew, "coordinator")
    for page in range(1, 3):
        outbox = client.get(f"/admin/outbox?page={page}")
        assert outbox.status_code == 200 and SECRET not in outbox.text
    assert SECRET not in client.get("/inbox").text
    login_as(client, crew, "other")
    assert SECRET in client.get("/inbox").text


def test_invitations_stay_in_the_outbox_and_out_of_any_inbox(app, client, people):
    login_as(client, people, "coordinator")
    client.post("/admin/invitations", data={"name": "Nieuw Lid", "email": ""})
    outbox = client.get("/admin/outbox").text
    assert "/join/" in outbox
    assert "/join/" not in client.get("/inbox").text


def test_a_new_proposal_lands_in_every_other_members_inbox(app, client, people):
    login_as(client, people, "member")
    assert client.post("/decisions/new", data=proposal()).status_code == 303
    with app.app_context():
        others = sorted(people[w][0] for w in ("coordinator", "other"))
        assert messages("decision_opened") == [(who, NOW) for who in others]
    login_as(client, people, "other")
    page = client.get("/inbox").text
    assert "New proposal: Koffie voortaan fairtrade" in page
    assert '<span class="count">1<' in page  # the unread count in the top bar


def test_a_question_reaches_only_the_members_it_suggests(app, client, people):
    login_as(client, people, "other")
    asked = client.post(
        "/questions/ask", data={"title": "Wie weet iets van subsidies?", "body": "Graag."}
    )
    assert asked.status_code == 303
    with app.app_context():
        assert messages("question_asked") == [(people["member"][0], NOW)]


def test_a_date_poll_reaches_every_member(app, client, people):
    with app.test_request_context():
        from leernet.members.models import User
        from leernet.polls import notices

        coordinator = db.session.get(User, people["coordinator"][0])
        notices.poll_opened(factories.poll(coordinator), coordinator)
        db.session.commit()
        others = sorted(people[w][0] for w in ("member", "other"))
        assert messages("poll_new") == [(who, NOW) for who in others]


def test_choices_per_topic_over_the_networks_defaults(app, client, people):
    login_as(client, people, "coordinator")
    topics = {topic.name: "" for topic in TOPICS}
    assert client.post("/inbox/defaults", data={**topics, "proposals": DAILY}).status_code == 303
    login_as(client, people, "member")
    page = client.get("/inbox/settings").text
    assert "As the network does: in a daily digest" in page
    assert client.post("/inbox/settings", data={**topics, "proposals": INBOX}).status_code == 303
    assert client.post("/inbox/settings", data={"proposals": "loud"}).status_code == 400
    login_as(client, people, "coordinator")
    assert client.post("/decisions/new", data=proposal()).status_code == 303
    with app.app_context():
        assert messages("decision_opened") == [
            (people["member"][0], INBOX),
            (people["other"][0], DAILY),
        ]
        assert preferences.member_modes(people["member"][0])["proposals"] == (INBOX, True)
    login_as(client, people, "member")
    assert client.get("/inbox/defaults").status_code == 403


def test_read_one_read_all_and_only_my_own(app, client, people):
    with app.app_context():
        from leernet.members.models import User

        member, other = (db.session.get(User, people[w][0]) for w in ("member", "other"))
        sent = [
            deliver("answer", f"Antwoord {n}", "Tekst", user=member, link="/questions/1")
            for n in range(3)
        ] + [deliver("answer", "Niet voor jou", "Tekst", user=other, link="/")]
        db.session.commit()
        ids = [message.id for message in sent]
    login_as(client, people, "member")
    assert client.post(f"/inbox/{ids[3]}/open").status_code == 404  # someone else's
    assert client.post("/inbox/read", data={"message": ids[3]}).status_code == 404
    opened = client.post(f"/inbox/{ids[0]}/open")
    assert opened.status_code == 303 and opened.headers["Location"] == "/questions/1"
    assert '<span class="count">2<' in client.get("/inbox").text
    client.post("/inbox/read")
    page = client.get("/inbox").text
    assert 'class="count"' not in page and "Niet voor jou" not in page
    with app.app_context():
        unread = select(OutboxMessage.id).where(OutboxMessage.read_at.is_(None))
        assert db.session.scalars(unread).all() == [ids[3]]


def test_the_unread_count_is_not_counted_on_fragments(app, client, people):
    login_as(client, people, "member")
    headers = {"HX-Request": "true"}
    assert 'class="topinbox"' in client.get("/decisions/").text
    assert 'class="topinbox"' not in client.get("/decisions/", headers=headers).text


def test_the_inbox_is_in_both_languages(app, client, people):
    login_as(client, people, "member")
    client.post("/language", data={"language": "nl", "next": "/inbox"})
    page = client.get("/inbox").text
    assert "Nog geen berichten" in page


def test_the_demo_network_has_inbox_items_for_its_members(app, runner, client):
    from leernet.demo import COORDINATOR_EMAIL, PASSWORD
    from leernet.members.models import User

    assert runner.invoke(args=["leernet", "demo"]).exit_code == 0
    with app.app_context():
        members = db.session.scalars(select(User.id).where(User.active.is_(True))).all()
        addressed = set(db.session.scalars(select(OutboxMessage.user_id)))
        assert len(addressed & set(members)) >= len(members) - 1
        kinds = set(db.session.scalars(select(OutboxMessage.kind)))
        assert {"poll_new", "decision_opened", "question_asked"} <= kinds
    client.post("/login", data={"email": COORDINATOR_EMAIL, "password": PASSWORD})
    assert 'class="count"' in client.get("/inbox").text


def test_odd_input_on_the_inbox_is_a_clear_answer(app, client, people):
    login_as(client, people, "member")
    assert client.post("/inbox/read", data={"message": "abc"}).status_code == 404
    assert client.post("/inbox/99999999999/open").status_code == 404
    assert client.get("/inbox?page=9223372036854775807").status_code < 500
    assert client.get("/inbox?page=-1").status_code < 500
    bad = client.post("/inbox/devices", data="{", content_type="application/json",
                      headers={"X-CSRFToken": client.csrf_token()}, csrf=False)  # fmt: skip
    assert bad.status_code == 400
    assert client.post("/inbox/devices/remove", data={"device": "x"}).status_code == 303
