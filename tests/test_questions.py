"""Ask the network: asking, answering, the helpful answer, suggestions, home card, export."""

import json

from sqlalchemy import select

from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.members.models import User
from leernet.questions.models import Answer, Question

from . import factories
from .conftest import count, login_as
from .queries import counting


def get_user(key, people):
    return db.session.get(User, people[key][0])


def test_ask_answer_and_mark_helpful(app, client, people):
    login_as(client, people, "other")
    asked = client.post(
        "/questions/ask",
        data={"title": "Wie heeft al eens subsidie aangevraagd?", "body": "Bij het *fonds*."},
    )
    assert asked.status_code == 303
    url = asked.headers["Location"]
    page = client.get(url).get_data(as_text=True)
    assert "<em>fonds</em>" in page
    assert "Who may know" in page and "Bram Lid" in page, "Bram can be asked about subsidies"

    login_as(client, people, "member")
    answered = client.post(url + "/answers", data={"body": "Ik, in 2024. Bel me maar."})
    assert answered.status_code == 303
    with app.app_context():
        message = db.session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "answer"))
        assert message.user_id == people["other"][0] and "Bram Lid" in message.subject
        answer_id = db.session.scalar(select(Answer.id))
    refused = client.post(f"/questions/answers/{answer_id}/helpful")
    assert refused.status_code == 303
    assert "Only the person who asked" in client.get(url).get_data(as_text=True)

    login_as(client, people, "other")
    client.post(f"/questions/answers/{answer_id}/helpful")
    with app.app_context():
        assert db.session.get(Answer, answer_id).helpful
        assert db.session.scalar(select(Question)).solved_at is not None
    assert "Helpful answer" in client.get(url).get_data(as_text=True)
    assert "Wie heeft" not in client.get("/questions/").get_data(as_text=True), "not open"
    assert "Wie heeft" in client.get("/questions/?show=all").get_data(as_text=True)
    client.post(f"/questions/answers/{answer_id}/helpful", data={"helpful": "0"})
    with app.app_context():
        assert not db.session.get(Answer, answer_id).helpful
        assert db.session.scalar(select(Question)).solved_at is None


def test_only_one_helpful_answer(app, client, people):
    with app.app_context():
        question = factories.question(get_user("member", people))
        first = factories.answer(question, get_user("other", people)).id
        second = factories.answer(question, get_user("coordinator", people)).id
    login_as(client, people, "member")
    client.post(f"/questions/answers/{first}/helpful")
    client.post(f"/questions/answers/{second}/helpful")
    with app.app_context():
        assert [a.id for a in db.session.scalars(select(Answer).where(Answer.helpful))] == [second]


def test_empty_question_or_answer_is_refused(app, client, people):
    login_as(client, people, "member")
    assert client.post("/questions/ask", data={"title": "  ", "body": "iets"}).status_code == 422
    with app.app_context():
        question_id = factories.question(get_user("other", people)).id
    response = client.post(f"/questions/{question_id}/answers", data={"body": " "})
    assert response.status_code == 422 and "Please fill this in." in response.get_data(as_text=True)
    with app.app_context():
        assert count(Question) == 1 and count(Answer) == 0


def test_changing_and_removing_is_for_the_author_or_a_coordinator(app, client, people):
    with app.app_context():
        question = factories.question(get_user("member", people))
        answer_id = factories.answer(question, get_user("other", people)).id
        question_id = question.id
    login_as(client, people, "other")
    assert client.get(f"/questions/{question_id}/edit").status_code == 403
    assert client.post(f"/questions/{question_id}/delete").status_code == 403
    assert client.post(f"/questions/answers/{answer_id}/delete").status_code == 303
    login_as(client, people, "member")
    edited = client.post(f"/questions/{question_id}/edit", data={"title": "Nieuw", "body": ""})
    assert edited.status_code == 303
    login_as(client, people, "coordinator")
    assert client.post(f"/questions/{question_id}/delete").status_code == 303
    with app.app_context():
        assert count(Question) == 0 and count(Answer) == 0


def test_home_card_shows_unanswered_questions_matching_my_expertise(app, client, people):
    with app.app_context():
        other = get_user("other", people)
        factories.question(other, "Ervaring met een subsidieaanvraag bij het FPK?")
        factories.question(other, "Wie kent een goede lichttechnicus?")
        answered = factories.question(other, "Subsidies voor festivals?")
        factories.answer(answered, get_user("coordinator", people))
    login_as(client, people, "member")  # can be asked about subsidies and hr
    home = client.get("/cards/questions").get_data(as_text=True)
    assert "Questions you could answer" in home
    assert "subsidieaanvraag" in home and "lichttechnicus" not in home
    assert "Subsidies voor festivals" not in home, "already answered"
    login_as(client, people, "other")
    assert "Questions you could answer" not in client.get("/cards/questions").get_data(as_text=True)


def test_export_holds_my_questions_and_answers(app, client, people):
    with app.app_context():
        question = factories.question(get_user("member", people), "Mijn vraag")
        factories.answer(question, get_user("other", people), "Het antwoord van een ander")
        factories.answer(question, get_user("member", people), "Mijn eigen aanvulling")
        factories.resource(get_user("member", people), "Mijn bron")
    login_as(client, people, "member")
    data = json.loads(client.get("/members/me/export").data)
    assert [q["title"] for q in data["questions"]] == ["Mijn vraag"]
    assert [a["body"] for a in data["answers"]] == ["Mijn eigen aanvulling"]
    assert [r["title"] for r in data["resources"]] == ["Mijn bron"]


def test_pages_stay_within_twelve_queries(app, client, people):
    with app.app_context():
        users = [get_user(k, people) for k in ("member", "other", "coordinator")]
        for n in range(30):
            question = factories.question(users[n % 3], f"Vraag {n} over subsidies")
            for m in range(3):
                factories.answer(question, users[m], f"Antwoord {m}")
        question_id = question.id
    login_as(client, people, "member")
    for url in ("/questions/", "/questions/?show=all&page=2", f"/questions/{question_id}", "/"):
        with counting(app) as statements:
            assert client.get(url).status_code == 200
        assert len(statements) <= 12, (url, len(statements))
