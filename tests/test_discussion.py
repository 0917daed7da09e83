"""The discussion under a proposal: open from publication through the voting window,
comments said about a version, read-only after closing, the author's own to change."""

import json

from sqlalchemy import select

from leernet.decisions import service
from leernet.discussion.models import ProposalComment
from leernet.discussion.thread import SHOWN
from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.members.models import User
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as


def user(people, key):
    return db.session.get(User, people[key][0])


def test_comment_then_amend_says_which_version(app, client, people):
    with app.app_context():
        decision_id = factories.decision(user(people, "member"), "Een buddy voor nieuwe leden").id
    url = f"/decisions/{decision_id}"
    login_as(client, people, "other")
    said = client.post(url + "/comments", data={"body": "Wie koppelt de **buddy**?"})
    assert said.status_code == 303 and "#comment-" in said.headers["Location"]

    login_as(client, people, "member")
    client.post(url + "/amend", data={"proposal": "De coördinator koppelt.", "note": "Wie"})
    client.post(url + "/comments", data={"body": "Aangepast, zie versie 2."})
    page = client.get(url).get_data(as_text=True)
    assert "<strong>buddy</strong>" in page
    assert "said about version 1" in page and "said about version 2" in page
    with app.app_context():
        versions = db.session.scalars(select(ProposalComment.version).order_by(ProposalComment.id))
        assert versions.all() == [1, 2]


def test_a_draft_has_no_discussion_and_a_closed_one_is_read_only(app, client, people):
    with app.app_context():
        member = user(people, "member")
        draft_id = factories.decision(member, "Concept", status="draft").id
        closed = factories.decision(member, "Gesloten")
        factories.comment(closed, user(people, "other"), "Eerder gezegd")
        service.close(closed, utcnow(), notify=False)
        db.session.commit()
        closed_id = closed.id
    login_as(client, people, "member")
    draft = client.get(f"/decisions/{draft_id}").get_data(as_text=True)
    assert "Discussion" not in draft
    refused = client.post(f"/decisions/{draft_id}/comments", data={"body": "In mijn concept"})
    assert refused.status_code == 409
    assert "opens when the proposal is published" in refused.get_data(as_text=True)

    login_as(client, people, "other")
    assert client.post(f"/decisions/{draft_id}/comments", data={"body": "x"}).status_code == 404
    page = client.get(f"/decisions/{closed_id}").get_data(as_text=True)
    assert "Eerder gezegd" in page and "can be read, not added to" in page
    assert "Add comment" not in page
    late = client.post(f"/decisions/{closed_id}/comments", data={"body": "Te laat maar toch"})
    text = late.get_data(as_text=True)
    assert late.status_code == 409 and "Te laat maar toch" in text, "the typed text comes back"
    with app.app_context():
        comment_id = db.session.scalar(select(ProposalComment.id))
    edit = client.post(f"/decisions/comments/{comment_id}/edit", data={"body": "Nu anders"})
    assert edit.status_code == 409 and "Nu anders" in edit.get_data(as_text=True)


def test_empty_and_overlong_comments_are_refused(app, client, people):
    with app.app_context():
        decision_id = factories.decision(user(people, "member")).id
    login_as(client, people, "other")
    empty = client.post(f"/decisions/{decision_id}/comments", data={"body": "  "})
    assert empty.status_code == 422 and "Please fill this in." in empty.get_data(as_text=True)
    long = client.post(f"/decisions/{decision_id}/comments", data={"body": "woord " * 1000})
    assert long.status_code == 422 and "cannot be longer than 5000" in long.get_data(as_text=True)


def test_only_the_author_edits_and_a_coordinator_hides(app, client, people):
    with app.app_context():
        decision = factories.decision(user(people, "member"))
        comment_id = factories.comment(decision, user(people, "other"), "Mijn zorg").id
        decision_id = decision.id
    edit_url = f"/decisions/comments/{comment_id}/edit"
    login_as(client, people, "member")
    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url, data={"body": "Gekaapt"}).status_code == 403

    login_as(client, people, "other")
    assert client.post(edit_url, data={"body": "Mijn betere zorg"}).status_code == 303
    assert "edited" in client.get(f"/decisions/{decision_id}").get_data(as_text=True)

    login_as(client, people, "coordinator")
    assert client.get(edit_url).status_code == 403
    assert client.post(f"/decisions/comments/{comment_id}/hide").status_code == 303
    with app.app_context():
        hidden = db.session.get(ProposalComment, comment_id)
        assert hidden.hidden_by_id == people["coordinator"][0] and hidden.hidden_at

    login_as(client, people, "member")
    page = client.get(f"/decisions/{decision_id}").get_data(as_text=True)
    assert "A coordinator hid this comment" in page and "Mijn betere zorg" not in page


def test_search_finds_threads_and_marks_closed_ones(app, client, people):
    with app.app_context():
        decision = factories.decision(user(people, "member"), "Gastsprekers")
        factories.comment(decision, user(people, "other"), "Wat kost een spreker per avond?")
        service.close(decision, utcnow(), notify=False)
        db.session.commit()
    login_as(client, people, "other")
    page = client.get("/search?q=spreker").get_data(as_text=True)
    assert "Discussion: Gastsprekers (closed)" in page


def test_export_and_erase_include_comments(app, client, people):
    with app.app_context():
        decision = factories.decision(user(people, "other"))
        factories.comment(decision, user(people, "member"), "Mijn opmerking")
        factories.comment(decision, user(people, "other"), "Hun opmerking")
    login_as(client, people, "member")
    data = json.loads(client.get("/members/me/export").get_data(as_text=True))
    assert [c["body"] for c in data["proposal_comments"]] == ["Mijn opmerking"]
    client.post("/members/me/erase", data={"password": factories.PASSWORD})
    with app.app_context():
        left = db.session.scalars(select(ProposalComment.body)).all()
        assert left == ["Hun opmerking"]


def test_a_long_discussion_shows_the_newest_comments_and_the_rest_on_request(app, client, people):
    with app.app_context():
        decision = factories.decision(user(people, "member"))
        other = user(people, "other")
        for n in range(SHOWN + 2):
            factories.comment(decision, other, f"Opmerking nummer {n:03d}")
        decision_id = decision.id
    login_as(client, people, "member")
    page = client.get(f"/decisions/{decision_id}").get_data(as_text=True)
    assert "Opmerking nummer 000" not in page and "Opmerking nummer 001" not in page
    assert f"Opmerking nummer {SHOWN + 1:03d}" in page and "show the whole discussion" in page
    everything = client.get(f"/decisions/{decision_id}?thread=all").get_data(as_text=True)
    assert "Opmerking nummer 000" in everything and "show the whole discussion" not in everything


def test_a_comment_reaches_the_proposer_and_earlier_commenters(app, client, people):
    with app.app_context():
        decision_id = factories.decision(user(people, "member"), "Een gedeelde agenda").id
    url = f"/decisions/{decision_id}/comments"
    login_as(client, people, "other")
    client.post(url, data={"body": "Wie beheert hem?"})
    login_as(client, people, "coordinator")
    client.post(url, data={"body": "Ik wil dat wel doen."})
    with app.app_context():
        told = db.session.execute(
            select(OutboxMessage.user_id, OutboxMessage.subject).where(
                OutboxMessage.kind == "proposal_comment"
            )
        ).all()
    names = {people[key][0]: key for key in ("member", "other", "coordinator")}
    assert sorted(names[user_id] for user_id, _subject in told) == ["member", "member", "other"]
    assert all("Een gedeelde agenda" in subject for _user_id, subject in told)
