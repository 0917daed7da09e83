"""The notice board: posting, replying, settling, the archive, hiding, sharing, export and
erasure, and every kind of bad input (a clear message, the typed text kept)."""

import json
from datetime import datetime, timedelta

from sqlalchemy import select

from leernet.board.models import BoardItem, BoardReply
from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.members.models import User

from . import factories
from .conftest import login_as


def local_today():
    """Today where the test network is (the board's end dates are the network's dates)."""
    return datetime.now(factories.AMS).date()


def notice(**fields):
    data = {
        "kind": "vacancy",
        "title": "Producent gezocht",
        "body": "Voor een **tournee** in het voorjaar.",
        "link": "https://example.org/vacature",
        "ends_on": (local_today() + timedelta(days=10)).isoformat(),
        "tags": "Productie, subsidies",
    }
    return {**data, **fields}


def test_post_reply_and_mark_filled(app, client, people):
    login_as(client, people, "member")
    posted = client.post("/board/new", data=notice())
    assert posted.status_code == 303
    url = posted.headers["Location"]
    page = client.get(url).get_data(as_text=True)
    assert "<strong>tournee</strong>" in page and "Vacancy" in page
    assert 'href="https://example.org/vacature"' in page
    assert "Share in the group chat" in page and "http://localhost" + url in page
    board = client.get("/board/").get_data(as_text=True)
    assert "Producent gezocht" in board and "productie" in board

    login_as(client, people, "other")
    replied = client.post(url + "/replies", data={"body": "Ik ken *iemand*."})
    assert replied.status_code == 303
    assert "<em>iemand</em>" in client.get(url).get_data(as_text=True)
    assert client.post(url + "/state", data={"state": "filled"}).status_code == 403

    login_as(client, people, "member")
    assert client.post(url + "/state", data={"state": "filled"}).status_code == 303
    with app.app_context():
        item = db.session.scalar(select(BoardItem))
        assert item.state == "filled" and item.settled_at is not None
        assert [t.name for t in item.tags] == ["productie", "subsidies"]
    assert "Producent gezocht" not in client.get("/board/").get_data(as_text=True)
    assert "Producent gezocht" in client.get("/board/?show=archive").get_data(as_text=True)

    login_as(client, people, "other")
    closed = client.post(url + "/replies", data={"body": "Nog een reactie"})
    text = closed.get_data(as_text=True)
    assert closed.status_code == 409
    assert "no longer open for replies" in text and "Nog een reactie" in text


def test_bad_input_says_why_and_keeps_the_text(app, client, people):
    login_as(client, people, "member")
    cases = [
        ({"title": ""}, "Please fill this in."),
        ({"body": "  "}, "Please fill this in."),
        ({"title": "x" * 201}, "Field cannot be longer than 200 characters."),
        ({"link": "javascript:alert(1)"}, "Use a web link that starts with https://"),
        ({"ends_on": (local_today() - timedelta(days=1)).isoformat()}, "This date is in the past."),
        ({"ends_on": "2026-02-31"}, "This date does not exist."),
        ({"ends_on": ""}, "Please fill in a date."),
        ({"kind": "spam"}, "Not a valid choice."),
    ]
    for change, message in cases:
        response = client.post(
            "/board/new", data=notice(**{"body": "Mijn getypte tekst", **change})
        )
        text = response.get_data(as_text=True)
        assert response.status_code == 422, change
        assert message in text, (change, text[:200])
        if "body" not in change:
            assert "Mijn getypte tekst" in text
    with app.app_context():
        assert db.session.scalar(select(BoardItem.id)) is None


def test_empty_reply_is_refused_with_a_message(app, client, people):
    with app.app_context():
        item_id = factories.board_item(db.session.get(User, people["member"][0])).id
    login_as(client, people, "other")
    response = client.post(f"/board/{item_id}/replies", data={"body": " "})
    assert response.status_code == 422 and "Please fill this in." in response.get_data(as_text=True)


def test_end_date_moves_an_item_to_the_archive(app, client, people):
    with app.app_context():
        member = db.session.get(User, people["member"][0])
        factories.board_item(member, "Verlopen oproep", days=-1)
        factories.board_item(member, "Lopende oproep", days=0)
    login_as(client, people, "other")
    current = client.get("/board/").get_data(as_text=True)
    archive = client.get("/board/?show=archive").get_data(as_text=True)
    assert "Lopende oproep" in current and "Verlopen oproep" not in current
    assert "Verlopen oproep" in archive and "ended" in archive


def test_only_the_poster_edits_and_the_coordinator_hides(app, client, people):
    with app.app_context():
        item = factories.board_item(db.session.get(User, people["member"][0]), "Mijn oproep")
        reply = factories.board_reply(
            item, db.session.get(User, people["other"][0]), "Mijn reactie"
        )
        item_id, reply_id = item.id, reply.id
    url = f"/board/{item_id}"
    login_as(client, people, "other")
    assert client.get(url + "/edit").status_code == 403
    assert client.post(url + "/edit", data=notice(title="Gekaapt")).status_code == 403
    assert client.post(url + "/hide").status_code == 403

    login_as(client, people, "member")
    edited = client.post(url + "/edit", data=notice(title="Mijn betere oproep"))
    assert edited.status_code == 303

    login_as(client, people, "coordinator")
    assert client.get(url + "/edit").status_code == 403, "a coordinator hides, never edits"
    assert client.post(url + "/hide").status_code == 303
    assert client.post(f"/board/replies/{reply_id}/hide").status_code == 303
    with app.app_context():
        item = db.session.get(BoardItem, item_id)
        assert item.hidden_at is not None and item.hidden_by_id == people["coordinator"][0]
        assert db.session.get(BoardReply, reply_id).hidden_by_id == people["coordinator"][0]
    assert "members do not see it" in client.get(url).get_data(as_text=True)

    login_as(client, people, "other")
    page = client.get(url).get_data(as_text=True)
    assert "A coordinator hid this notice" in page and "Mijn betere oproep" not in page
    assert "Mijn betere oproep" not in client.get("/board/?show=archive").get_data(as_text=True)

    login_as(client, people, "coordinator")
    client.post(url + "/hide", data={"hidden": "0"})
    client.post(f"/board/replies/{reply_id}/hide", data={"hidden": "0"})
    login_as(client, people, "other")
    assert "Mijn reactie" in client.get(url).get_data(as_text=True)


def test_user_text_is_escaped_and_sanitised(app, client, people):
    login_as(client, people, "member")
    posted = client.post(
        "/board/new",
        data=notice(title="<script>alert(1)</script>", body="<img src=x onerror=alert(1)> hoi"),
    )
    page = client.get(posted.headers["Location"]).get_data(as_text=True)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "onerror" not in page


def test_tags_link_the_board_and_the_directory(app, client, people):
    with app.app_context():
        member = db.session.get(User, people["member"][0])
        factories.board_item(member, "Over subsidies", tags="subsidies")
        factories.board_item(member, "Over licht", tags="techniek")
    login_as(client, people, "other")
    page = client.get("/board/?tag=subsidies").get_data(as_text=True)
    assert "Over subsidies" in page and "Over licht" not in page
    assert "/members/?tag=subsidies" in page


def test_home_card_shows_new_notices_by_others(app, client, people):
    with app.app_context():
        factories.board_item(db.session.get(User, people["member"][0]), "Vers van de pers")
    login_as(client, people, "other")
    assert "Vers van de pers" in client.get("/cards/board").get_data(as_text=True)
    login_as(client, people, "member")
    assert "Vers van de pers" not in client.get("/cards/board").get_data(as_text=True)


def test_search_finds_notices_and_marks_closed_ones(app, client, people):
    with app.app_context():
        member = db.session.get(User, people["member"][0])
        factories.board_item(member, "Lichtontwerper gezocht", state="filled")
        item = factories.board_item(member, "Geluidstechnicus gezocht")
        factories.board_reply(item, member, "Ook met ervaring in zaalakoestiek")
    login_as(client, people, "other")
    filled = client.get("/search?q=lichtontwerper").get_data(as_text=True)
    assert "gezocht (filled)" in filled
    found = client.get("/search?q=zaalakoestiek").get_data(as_text=True)
    assert "Geluidstechnicus gezocht" in found and "(filled)" not in found
    assert "Geluidstechnicus gezocht (until " in found, "the end date, which stays true"


def test_export_and_erase_include_posts_and_replies(app, client, people):
    with app.app_context():
        member = db.session.get(User, people["member"][0])
        other = db.session.get(User, people["other"][0])
        mine = factories.board_item(member, "Mijn vacature")
        factories.board_reply(mine, other, "Reactie van een ander")
        theirs = factories.board_item(other, "Hun oproep")
        factories.board_reply(theirs, member, "Mijn reactie")
        theirs_id = theirs.id
    login_as(client, people, "member")
    data = json.loads(client.get("/members/me/export").get_data(as_text=True))
    assert [i["title"] for i in data["board_items"]] == ["Mijn vacature"]
    assert [r["body"] for r in data["board_replies"]] == ["Mijn reactie"]
    erased = client.post("/members/me/erase", data={"password": factories.PASSWORD})
    assert erased.status_code == 303
    with app.app_context():
        assert [i.title for i in db.session.scalars(select(BoardItem))] == ["Hun oproep"]
        assert db.session.scalars(select(BoardReply)).all() == [], "mine, and those under mine"
        assert db.session.get(BoardItem, theirs_id) is not None


def test_value_dashboard_counts_opportunities_shared_and_filled(app, client, people):
    with app.app_context():
        member = db.session.get(User, people["member"][0])
        factories.board_item(member, "Een", state="filled")
        factories.board_item(member, "Twee")
    login_as(client, people, "member")
    page = client.get("/value/").get_data(as_text=True)
    assert "Opportunities shared" in page and "2 notices shared, 1 filled." in page


def test_an_edit_without_some_fields_keeps_the_tags(app, client, people):
    with app.app_context():
        item = factories.board_item(db.session.get(User, people["member"][0]), tags="subsidies")
        item_id = item.id
    login_as(client, people, "member")
    data = notice(title="Alleen de titel")
    del data["tags"]
    assert client.post(f"/board/{item_id}/edit", data=data).status_code == 303
    with app.app_context():
        assert [t.name for t in db.session.get(BoardItem, item_id).tags] == ["subsidies"]


def test_notices_and_replies_reach_the_inbox(app, client, people):
    """A new notice waits in every other member's inbox; a reply in the poster's only."""
    login_as(client, people, "member")
    url = client.post("/board/new", data=notice(title="Zaalhuur gezocht")).headers["Location"]
    login_as(client, people, "other")
    assert "On the board: Zaalhuur gezocht" in client.get("/inbox").get_data(as_text=True)
    client.post(url + "/replies", data={"body": "Bel de schouwburg."})
    login_as(client, people, "member")
    inbox = client.get("/inbox").get_data(as_text=True)
    assert "replied to your notice" in inbox and "On the board" not in inbox
    with app.app_context():
        other = db.session.get(User, people["other"][0])
        kinds = db.session.scalars(
            select(OutboxMessage.kind).where(OutboxMessage.user_id == other.id)
        ).all()
        assert kinds == ["board_new"]  # the one who replied is not told of their own reply
