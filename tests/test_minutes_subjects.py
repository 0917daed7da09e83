"""Another feature plugs in its own subject of minutes (as intervision sessions will)."""

import pytest
from flask import url_for
from sqlalchemy import select

from leernet.extensions import db
from leernet.meetings.models import Meeting, Rsvp
from leernet.minutes import rules, service, subjects
from leernet.minutes.search import also_watch
from leernet.search import KINDS
from leernet.search.engine import search

from . import factories
from .conftest import login_as
from .minutes_helpers import crew, member  # noqa: F401


def yes_sayers(meeting):
    return set(
        db.session.scalars(
            select(Rsvp.user_id).where(Rsvp.meeting_id == meeting.id, Rsvp.answer == "yes")
        )
    )


@pytest.fixture
def club(app):
    """A subject "club": a meeting's yes-sayers as participants, minutes for them alone."""
    subject = subjects.register(
        subjects.Subject(
            kind="club",
            label="Club",
            load=lambda subject_id: db.session.get(Meeting, subject_id),
            title=lambda meeting: f"Clubje bij {meeting.title}",
            url=lambda meeting: url_for("meetings.detail", meeting_id=meeting.id),
            meeting_id=lambda meeting: meeting.id,
            people=yes_sayers,
            manages=lambda user, meeting: user.id == meeting.host_id,
            managers=lambda meeting: {meeting.host_id},
            visibilities=(rules.PARTICIPANTS, rules.ATTENDEES),
            initial_text=lambda meeting: "## Fase 1\nAantekeningen van de notulist",
            minute_taker=lambda meeting: meeting.host_id,
        )
    )
    before = also_watch(Rsvp, lambda row: [row.meeting_id], "club")
    yield subject
    del subjects.SUBJECTS["club"]
    if before is None:
        del KINDS["minutes"].watch[Rsvp]
    else:
        KINDS["minutes"].watch[Rsvp] = before


def found(app, crew, who):  # noqa: F811
    with app.test_request_context():
        return search(member(crew, who), "notulist")[0].total == 1


def test_minutes_of_another_subject(app, client, crew, club):  # noqa: F811
    with app.app_context():
        meeting = factories.meeting("Clubavond", days=-1, host=member(crew, "host"))
        db.session.add(Rsvp(meeting_id=meeting.id, user_id=crew["member"][0], answer="yes"))
        db.session.commit()
        minutes = service.ensure(club, meeting)
        assert (minutes.taker_id, minutes.visibility) == (crew["host"][0], "participants")
        base = f"/minutes/{minutes.id}"
    login_as(client, crew, "host")  # the minute-taker starts from the phase notes
    assert "Aantekeningen van de notulist" in client.get(f"{base}/edit").text
    saved = client.post(
        f"{base}/edit", data={"text": "## Fase 1\nAantekeningen van de notulist", "base": "0"}
    )
    assert saved.status_code == 303 and saved.headers["Location"] == base
    assert client.post(f"{base}/share").status_code == 303
    login_as(client, crew, "member")  # a participant reads and amends
    page = client.get(base)
    assert page.status_code == 200 and "Clubje bij Clubavond" in page.text
    assert (
        client.post(
            f"{base}/edit", data={"text": "Aangevuld door de notulist", "base": "1"}
        ).status_code
        == 303
    )
    for outsider in ("coordinator", "other"):  # participant-only: not even a coordinator
        login_as(client, crew, outsider)
        assert client.get(base).status_code == 403, outsider
    assert found(app, crew, "member") and not found(app, crew, "coordinator")
    with app.app_context():  # a new participant finds them at once
        db.session.add(Rsvp(meeting_id=meeting.id, user_id=crew["other"][0], answer="yes"))
        db.session.commit()
    assert found(app, crew, "other")
