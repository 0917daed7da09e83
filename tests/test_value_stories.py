"""Value stories: telling one, who reads it, who changes it, choosing it for the report."""

from sqlalchemy import select

from leernet.extensions import db
from leernet.value.models import Story

from . import factories
from .conftest import login_as


def user(people, key):
    return db.session.get(factories.User, people[key][0])


def stories(app):
    with app.app_context():
        return db.session.scalars(select(Story).order_by(Story.id)).all()


def test_a_member_tells_a_story_about_a_meeting(app, client, people):
    with app.app_context():
        meeting = factories.meeting("Netwerkdag maart", days=-30)
        meeting_id = meeting.id
    login_as(client, people, "member")
    form = client.get(f"/value/stories/new?about=meeting:{meeting_id}").get_data(as_text=True)
    assert f'value="meeting:{meeting_id}" selected' in form or (
        f'selected value="meeting:{meeting_id}"' in form
    )
    response = client.post(
        "/value/stories/new",
        data={
            "title": "De subsidietip leverde geld op",
            "text": "Dankzij de tip van Anouk kregen we de aanvraag rond.",
            "cycles": ["applied", "realised"],
            "about": f"meeting:{meeting_id}",
            "visibility": "network",
        },
    )
    assert response.status_code == 303
    [story] = stories(app)
    assert (story.link_kind, story.link_id, story.applied, story.realised, story.immediate) == (
        "meeting", meeting_id, True, True, False
    )  # fmt: skip
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "De subsidietip leverde geld op" in page
    assert "Netwerkdag maart" in page and f"/meetings/{meeting_id}" in page
    login_as(client, people, "other")
    listing = client.get("/value/stories/").get_data(as_text=True)
    assert "De subsidietip leverde geld op" in listing
    assert "Netwerkdag maart" in listing


def test_a_story_needs_a_title_and_a_text(app, client, people):
    login_as(client, people, "member")
    for data in (
        {"title": "", "text": "Iets", "visibility": "network"},
        {"title": "Iets", "text": "  ", "visibility": "network"},
        {"title": "Iets", "text": "Iets", "visibility": "everyone"},
        {"title": "Iets", "text": "Iets", "visibility": "network", "about": "meeting:999"},
        {"title": "Iets", "text": "Iets", "visibility": "network", "cycles": "nope"},
    ):
        response = client.post("/value/stories/new", data=data)
        assert response.status_code == 422, data
    assert stories(app) == []


def test_a_coordinators_only_story_is_hidden_from_other_members(app, client, people):
    with app.app_context():
        story = factories.story(user(people, "member"), "Mijn tarief", visibility="coordinators")
        story_id = story.id
    login_as(client, people, "other")
    assert "Mijn tarief" not in client.get("/value/stories/").get_data(as_text=True)
    assert "Mijn tarief" not in client.get("/value/").get_data(as_text=True)
    assert client.get(f"/value/stories/{story_id}").status_code == 404
    assert client.get(f"/value/stories/{story_id}/edit").status_code == 404
    assert client.post(f"/value/stories/{story_id}/delete").status_code == 404
    login_as(client, people, "member")  # the author
    assert "Mijn tarief" in client.get("/value/stories/").get_data(as_text=True)
    login_as(client, people, "coordinator")
    page = client.get("/value/stories/").get_data(as_text=True)
    assert "Mijn tarief" in page and "only coordinators" in page


def test_only_the_author_or_a_coordinator_changes_a_story(app, client, people):
    with app.app_context():
        story_id = factories.story(user(people, "member"), "Oud").id
    login_as(client, people, "other")
    assert client.get(f"/value/stories/{story_id}/edit").status_code == 403
    assert client.post(f"/value/stories/{story_id}/delete").status_code == 403
    login_as(client, people, "member")
    edit = client.get(f"/value/stories/{story_id}/edit").get_data(as_text=True)
    assert 'value="applied" checked' in edit
    client.post(
        f"/value/stories/{story_id}/edit",
        data={"title": "Nieuw", "text": "Anders", "visibility": "coordinators", "about": ""},
    )
    [story] = stories(app)
    assert (story.title, story.visibility, story.applied) == ("Nieuw", "coordinators", False)
    login_as(client, people, "coordinator")
    assert client.post(f"/value/stories/{story_id}/delete").status_code == 303
    assert stories(app) == []


def test_a_coordinator_chooses_stories_for_the_report(app, client, people):
    with app.app_context():
        story_id = factories.story(user(people, "member"), "Voor de subsidiegever").id
    login_as(client, people, "member")
    assert (
        client.post(f"/value/stories/{story_id}/report", data={"in_report": "1"}).status_code == 403
    )
    login_as(client, people, "coordinator")
    response = client.post(
        f"/value/stories/{story_id}/report", data={"in_report": "1", "next": "//evil.example"}
    )
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert stories(app)[0].in_report
    client.post(f"/value/stories/{story_id}/report", data={"in_report": "0"})
    assert not stories(app)[0].in_report


def test_stories_filter_by_value_cycle(app, client, people):
    with app.app_context():
        factories.story(user(people, "member"), "Toegepast", cycles=("applied",))
        factories.story(user(people, "member"), "Herzien", cycles=("reframing",))
    login_as(client, people, "other")
    page = client.get("/value/stories/?cycle=reframing").get_data(as_text=True)
    assert "Herzien" in page and "Toegepast" not in page
    assert "Toegepast" in client.get("/value/stories/?cycle=<script>").get_data(as_text=True)


def test_a_story_about_someone_elses_draft_decision_does_not_show_it(app, client, people):
    with app.app_context():
        draft = factories.decision(user(people, "other"), "Geheim concept", status="draft")
        factories.story(user(people, "member"), "Over een concept", link=("decision", draft.id))
    login_as(client, people, "member")
    page = client.get("/value/stories/").get_data(as_text=True)
    assert "Over een concept" in page and "Geheim concept" not in page
    assert "Geheim concept" not in client.get("/value/stories/new").get_data(as_text=True)


def test_stories_are_found_by_search_as_their_visibility_allows(app, client, people):
    with app.app_context():
        factories.story(user(people, "member"), "Crowdfundingsucces", text="Gelukt")
        factories.story(user(people, "member"), "Crowdfunding geheim", visibility="coordinators")
    login_as(client, people, "other")
    page = client.get("/search?q=crowdfunding").get_data(as_text=True)
    assert "succes" in page and "geheim" not in page
    login_as(client, people, "coordinator")
    assert "</mark> geheim" in client.get("/search?q=crowdfunding").get_data(as_text=True)
