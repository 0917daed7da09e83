"""A meeting with a host, two attendees, an outsider and a coordinator, for minutes tests."""

import re

import pytest

from leernet.extensions import db
from leernet.members.models import User
from leernet.minutes.models import Minutes

from . import factories

BASE = re.compile(r'name="base" type="hidden" value="(\d+)"')


@pytest.fixture
def crew(app, people):
    """``people`` plus a host and an outsider, and a meeting yesterday that the member
    and the other member attended (keys of ``people``-style ``(id, email)`` pairs)."""
    with app.app_context():
        host = factories.user("Hanna Gastvrouw")
        outsider = factories.user("Olaf Buiten")
        meeting = factories.meeting("Netwerkdag", days=-1, host=host, agenda="- Subsidies")
        factories.attend(meeting, member(people, "member"), member(people, "other"))
        made = dict(people)
        made["host"] = (host.id, host.email)
        made["outsider"] = (outsider.id, outsider.email)
        made["meeting"] = meeting.id
        return made


def member(people, key):
    return db.session.get(User, people[key][0])


def meeting_of(crew):  # noqa: F811
    from leernet.meetings.models import Meeting

    return db.session.get(Meeting, crew["meeting"])


def minutes_of(meeting_id):
    from sqlalchemy import select

    return db.session.scalar(
        select(Minutes).where(Minutes.subject_kind == "meeting", Minutes.subject_id == meeting_id)
    )


def base_in(page):
    match = BASE.search(page)
    assert match, "no base revision in the editor"
    return int(match.group(1))
