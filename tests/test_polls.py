"""Find a date: propose, answer in one tap per date, see the best, schedule it."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from leernet.extensions import db
from leernet.meetings.models import Meeting, Rsvp
from leernet.polls.models import DatePoll, PollAnswer
from leernet.polls.scoring import Tally, best, tally
from leernet.timeutil import utcnow

from . import factories
from .conftest import HTMX, login_as

NOW = datetime(2026, 5, 1, tzinfo=UTC)


def test_best_date_most_can_come_then_most_yes_then_earliest():
    day = [NOW + timedelta(days=n) for n in range(5)]
    tallies = tally(
        [(1, day[1]), (2, day[2]), (3, day[3]), (4, day[0])],
        [
            (1, "yes"),
            (1, "ifneedbe"),
            (2, "yes"),
            (2, "yes"),
            (3, "yes"),
            (3, "ifneedbe"),
            (3, "no"),
            (4, "yes"),
            (4, "yes"),
            (4, "yes"),
            (9, "yes"),
            (1, "maybe"),
        ],
    )
    assert [t.can_come for t in tallies] == [2, 2, 2, 3]
    assert best(tallies, NOW) == 2, "option 4 is past; 2 has two wholehearted yeses"
    assert best(tallies, NOW - timedelta(days=1)) == 4
    assert best([Tally(1, day[1], no=3)], NOW) is None, "nobody can come: no best date"
    assert best([Tally(1, day[2], yes=1), Tally(2, day[1], yes=1)], NOW) == 2, "earliest wins"


def poll_form(**overrides):
    today = utcnow().date()
    data = {
        "title": "Volgende intervisie",
        "kind": "intervision",
        "place": "Utrecht",
        "online_url": "",
        "description": "Neem een casus mee.",
    }
    for n in range(10):
        data[f"options-{n}-date"] = ""
        data[f"options-{n}-start"] = ""
        data[f"options-{n}-end"] = ""
    for n, days in enumerate((7, 8, 14)):
        data[f"options-{n}-date"] = (today + timedelta(days=days)).isoformat()
        data[f"options-{n}-start"] = "19:00"
        data[f"options-{n}-end"] = "21:30"
    data.update(overrides)
    return data


def test_open_a_poll_answer_it_and_schedule_the_best_date(app, client, people):
    login_as(client, people, "coordinator")
    response = client.post("/polls/new", data=poll_form())
    assert response.status_code == 303
    with app.app_context():
        poll = db.session.scalar(select(DatePoll))
        poll_id = poll.id
        options = [o.id for o in poll.options]
        assert len(options) == 3
    member, other = app.test_client(), app.test_client()
    login_as(member, people, "member")
    login_as(other, people, "other")
    home = member.get("/cards/polls").get_data(as_text=True)
    assert "Help find a date" in home and "Volgende intervisie" in home

    def tap(client, option, answer):
        return client.post(
            f"/polls/{poll_id}/answer", data={"option_id": option, "answer": answer}, headers=HTMX
        )

    fragment = tap(member, options[0], "yes").get_data(as_text=True)
    assert "<html" not in fragment and "1 member answered" in fragment
    assert "Best date" in fragment
    tap(member, options[1], "ifneedbe")
    tap(member, options[1], "yes")  # changing an answer replaces it
    tap(other, options[1], "yes")
    last = tap(other, options[0], "no").get_data(as_text=True)
    assert "2 members answered" in last
    best_row = last[last.index("best") :]
    assert best_row.index(f'value="{options[1]}"') < best_row.index("</li>")
    with app.app_context():
        assert db.session.scalar(select(func.count(PollAnswer.id))) == 4
    assert "Help find a date" not in member.get("/cards/polls").get_data(as_text=True)
    exported = member.get("/members/me/export").json["date_polls"]
    assert [(a["poll"], a["answer"]) for a in exported] == [
        ("Volgende intervisie", "yes"),
        ("Volgende intervisie", "yes"),
    ]

    assert (
        member.post(f"/polls/{poll_id}/schedule", data={"option_id": options[1]}).status_code == 403
    )
    response = client.post(f"/polls/{poll_id}/schedule", data={"option_id": options[1]})
    assert response.status_code == 303 and "/meetings/" in response.headers["Location"]
    with app.app_context():
        meeting = db.session.scalar(select(Meeting))
        poll = db.session.get(DatePoll, poll_id)
        assert poll.meeting_id == meeting.id and not poll.is_open
        assert meeting.title == "Volgende intervisie" and meeting.agenda == "Neem een casus mee."
        assert meeting.starts_at == poll.options[1].starts_at
        rsvps = {r.user_id: r.answer for r in db.session.scalars(select(Rsvp))}
        coming = {people["member"][0]: "yes", people["other"][0]: "yes"}
        assert rsvps == {**coming, meeting.host_id: "yes"}, "the host comes too"
        assert db.session.scalar(select(func.count(PollAnswer.id))) == 4, "answers are kept"
    closed = tap(member, options[0], "yes")
    assert closed.status_code == 422 and "This poll is closed." in closed.get_data(as_text=True)
    page = member.get(f"/polls/{poll_id}").get_data(as_text=True)
    assert "The date has been chosen" in page


def test_poll_bad_input_keeps_what_was_typed(app, client, people):
    login_as(client, people, "coordinator")
    today = utcnow().date()
    cases = [
        (
            {
                "options-1-date": "",
                "options-1-start": "",
                "options-1-end": "",
                "options-2-date": "",
                "options-2-start": "",
                "options-2-end": "",
            },
            "Propose at least 2 dates.",
        ),
        ({"options-1-end": "18:00"}, "This ends before it starts."),
        ({"options-1-date": "2026-02-30"}, "This date does not exist"),
        ({"options-1-date": (today - timedelta(days=1)).isoformat()}, "in the past"),
        ({"options-1-start": ""}, "Fill in the date and both times"),
        ({"options-1-date": (today + timedelta(days=7)).isoformat()}, "already proposed"),
        ({"online_url": "javascript:alert(1)"}, "starts with https://"),
    ]
    for changes, message in cases:
        response = client.post("/polls/new", data=poll_form(**changes))
        body = response.get_data(as_text=True)
        assert response.status_code == 422, message
        assert message in body, message
        assert "Neem een casus mee." in body
    with app.app_context():
        assert db.session.scalar(select(func.count(DatePoll.id))) == 0


def test_who_may_open_and_schedule_polls(app, client, people):
    with app.app_context():
        poll = factories.poll(db.session.get(factories.User, people["coordinator"][0]))
        poll_id, option = poll.id, poll.options[0].id
    login_as(client, people, "member")
    assert client.get("/polls/new").status_code == 403
    assert client.post(f"/polls/{poll_id}/close").status_code == 403
    assert client.get("/polls/9999").status_code == 404
    bad = client.post(
        f"/polls/{poll_id}/answer", data={"option_id": "99999", "answer": "yes"}, headers=HTMX
    )
    assert bad.status_code == 422 and "not part of the poll" in bad.get_data(as_text=True)
    assert client.get("/polls/").status_code == 200
    login_as(client, people, "coordinator")
    client.post(f"/polls/{poll_id}/close")
    with app.app_context():
        assert not db.session.get(DatePoll, poll_id).is_open
    refused = client.post(
        f"/polls/{poll_id}/schedule", data={"option_id": option}, follow_redirects=True
    )
    assert "This poll is closed." in refused.get_data(as_text=True)
