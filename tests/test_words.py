"""One word per thing, in Dutch and English, and dates and counts that read right."""

import re
from datetime import UTC, datetime

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from leernet.extensions import db
from leernet.i18n import format_date, format_datetime
from leernet.meetings.models import Meeting, Rsvp
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as
from .test_meetings import form
from .test_plurals import catalogue

NAV_LINK = re.compile(r'<a href="([^"]+)"[^>]*>.*?<span>([^<]+)</span></a>')
TITLE = re.compile(r"<title>([^<]*) · ")


def dutch(client):
    client.post("/language", data={"language": "nl", "next": "/"})


# One word per thing


@pytest.mark.parametrize("language", ["nl", "en"])
def test_each_menu_item_names_its_page(client, people, language):
    """The bottom and top menus say what the page's title says (Agenda is Agenda)."""
    login_as(client, people, "member")
    client.post("/language", data={"language": language, "next": "/"})
    home = client.get("/").get_data(as_text=True)
    menu = dict(NAV_LINK.findall(home.split('class="bottomnav"')[1]))
    assert len(menu) == 6
    for href, label in menu.items():
        if href.endswith("/me") or "profile" in href or label in {"Ik", "Me"}:
            continue  # "Me" is where your own pages are, not one page's name
        title = TITLE.search(client.get(href).get_data(as_text=True)).group(1)
        assert title == label, f"{language}: the menu says {label!r}, the page {title!r}"


def test_agenda_means_one_thing_in_dutch():
    """ "Agenda" is the meetings page; a meeting's agenda and your calendar have words of
    their own. Only other apps' own labels, quoted in instructions, say Agenda."""
    uses = []
    for message in catalogue("nl"):
        text = message.string if isinstance(message.string, str) else " ".join(message.string)
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        quotes_an_app = "→" in msgid or "Google Calendar" in msgid
        if re.search(r"agenda", text, re.I) and not quotes_an_app:
            uses.append((message.context, msgid))
    assert uses == [("navigation", "Meetings")]


def test_the_library_has_one_dutch_name():
    """The menu's "Kennis" is the page's and every message's name for it."""
    names = {
        text
        for message in catalogue("nl")
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        if re.search(r"bibliothe", text, re.I)
    }
    assert names == set()


def test_no_english_words_in_the_dutch_interface():
    english = re.compile(r"\b(Outbox|Host|host|JSON|Notes|Minutes)\b")
    found = [
        text
        for message in catalogue("nl")
        if message.id
        for text in (message.string if isinstance(message.string, tuple) else (message.string,))
        if english.search(text)
    ]
    assert found == []


def test_the_method_editor_asks_for_minutes_of_time(client, people):
    login_as(client, people, "coordinator")
    dutch(client)
    page = client.get("/intervision/methods/new").get_data(as_text=True)
    assert "Duur in minuten" in page and "Notulen" not in page
    client.post("/language", data={"language": "en", "next": "/"})
    assert "Duration in minutes" in client.get("/intervision/methods/new").get_data(as_text=True)


# Dates


def test_dates_are_unambiguous_on_the_networks_24_hour_clock(app, network):
    moment = datetime(2026, 11, 11, 23, 2, tzinfo=UTC)  # Amsterdam: 12 Nov, 00:02
    with app.test_request_context():
        with force_locale("en"):
            assert format_datetime(moment, "short") == "Thu 12 Nov 2026, 00:02"
            assert format_date(moment) == "12 Nov 2026"
        with force_locale("nl"):
            assert format_datetime(moment, "short") == "do 12 nov 2026, 00:02"
            assert format_date(moment, "long") == "12 november 2026"


def test_a_page_shows_english_dates_day_first(app, client, people):
    with app.app_context():
        proposer = db.session.get(factories.User, people["member"][0])
        decision = factories.decision(proposer, "Nieuwe vergaderplek")
        decision.closes_at = datetime(2036, 11, 11, 23, 2, tzinfo=UTC)
        db.session.commit()
        decision_id = decision.id
    login_as(client, people, "member")
    page = client.get(f"/decisions/{decision_id}").get_data(as_text=True)
    assert "closes Wed 12 Nov 2036, 00:02" in page
    assert not re.search(r"\d (AM|PM)\b|\d+/\d+/\d\d\b", page)


# The host and who is coming


def answers(meeting_id):
    rows = db.session.scalars(select(Rsvp).where(Rsvp.meeting_id == meeting_id))
    return {row.user_id: (row.answer, row.waiting) for row in rows}


def test_the_host_counts_as_coming_to_their_own_meeting(app, client, people):
    host, other = people["member"][0], people["other"][0]
    login_as(client, people, "coordinator")
    assert client.post("/meetings/new", data=form(host, capacity="1")).status_code == 303
    with app.app_context():
        meeting = db.session.scalar(select(Meeting))
        meeting_id = meeting.id
        assert answers(meeting_id) == {host: ("yes", False)}
    page = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "1 coming" in page and "Be the first" not in page
    # A new host is coming too; a host who said no keeps their answer.
    with app.app_context():
        factories.rsvp(
            db.session.get(Meeting, meeting_id), db.session.get(factories.User, other), "no"
        )
    details = form(other, capacity="1", date=meeting.starts_at.astimezone(factories.AMS).date())
    assert client.post(f"/meetings/{meeting_id}/edit", data=details).status_code == 303
    with app.app_context():
        assert answers(meeting_id) == {host: ("yes", False), other: ("no", False)}
    details = form(people["coordinator"][0], capacity="1", date=details["date"])
    assert client.post(f"/meetings/{meeting_id}/edit", data=details).status_code == 303
    with app.app_context():
        assert answers(meeting_id)[people["coordinator"][0]] == ("yes", False)


def test_be_the_first_only_while_answers_are_open(app, client, people):
    with app.app_context():
        upcoming = factories.meeting("Volgende week").id
        cancelled = factories.meeting("Afgelast")
        cancelled.cancelled_at = utcnow()
        running = factories.meeting("Nu bezig", days=0, hours=2)
        running.starts_at = utcnow().replace(microsecond=0)
        db.session.commit()
        closed = [cancelled.id, running.id]
    login_as(client, people, "member")
    assert "Nobody yet. Be the first!" in client.get(f"/meetings/{upcoming}").get_data(as_text=True)
    for meeting_id in closed:
        page = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
        assert "Be the first" not in page and "Nobody said yes." in page


def test_a_poll_turned_into_a_meeting_counts_its_host_once(app, people):
    """The poll's creator hosts; their own answer on the chosen date is not a second RSVP."""
    from leernet.polls import service
    from leernet.polls.models import PollAnswer

    with app.test_request_context():
        creator = db.session.get(factories.User, people["coordinator"][0])
        poll = factories.poll(creator)
        option = poll.options[0]
        db.session.add(PollAnswer(option_id=option.id, user_id=creator.id, answer="ifneedbe"))
        db.session.commit()
        meeting = service.to_meeting(poll, option.id, creator, utcnow())
        db.session.commit()
        assert answers(meeting.id) == {creator.id: ("yes", False)}


#: English interface words that must not show on a Dutch page (the world's data is Dutch).
ENGLISH = re.compile(
    r"\b(Outbox|Host|JSON|Library|Meetings?|Minutes|Search|Members|Decisions?|"
    r"Be the first|Nobody|coming|Save|Cancel|Edit|Delete)\b"
)


def visible_text(page):
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"<[^>]+>", " ", page)


def test_the_main_pages_speak_dutch_only(app, client):
    from . import world
    from .main_pages import MAIN_PAGES

    with app.app_context():
        people, values = world.build()
    english = {}
    for role in ("member", "coordinator"):
        client.post("/logout")
        client.post("/login", data={"email": people[role], "password": factories.PASSWORD})
        dutch(client)
        for main in MAIN_PAGES:
            if main.role == role:
                response = client.get(main.url(values))
                page = response.get_data(as_text=True)
                assert response.status_code == 200 and 'lang="nl"' in page, main.name
                text = visible_text(page)
                if found := set(ENGLISH.findall(text)):
                    english[main.name] = sorted(found)
    assert english == {}


def test_the_hosts_of_meetings_scheduled_before_get_their_yes(app, people):
    """The data migration: upcoming, not cancelled, not answered; nothing else changes."""
    from importlib.util import module_from_spec, spec_from_file_location
    from pathlib import Path

    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    path = next(Path(__file__).parents[1].glob("migrations/versions/*_hosts_are_coming_*.py"))
    spec = spec_from_file_location("hosts_are_coming", path)
    migration = module_from_spec(spec)
    spec.loader.exec_module(migration)
    with app.app_context():
        host = db.session.get(factories.User, people["member"][0])
        upcoming = factories.meeting("Komt eraan", host=host).id
        past = factories.meeting("Geweest", days=-7, host=host).id
        cancelled = factories.meeting("Afgelast", host=host, cancelled_at=utcnow()).id
        said_no = factories.meeting("Kan niet", host=host)
        factories.rsvp(said_no, host, "no")
        with (
            db.engine.begin() as connection,
            Operations.context(MigrationContext.configure(connection)),
        ):
            migration.upgrade()
        assert answers(upcoming) == {host.id: ("yes", False)}
        assert answers(past) == answers(cancelled) == {}
        assert answers(said_no.id) == {host.id: ("no", False)}
