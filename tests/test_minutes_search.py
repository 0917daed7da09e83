"""Minutes are found by exactly the people who may read them."""

import pytest

from leernet.extensions import db
from leernet.meetings.models import Attendance, Rsvp
from leernet.search.engine import search

from . import factories
from .minutes_helpers import crew, meeting_of, member  # noqa: F401

TEXT = "Wij bespraken de cultuurkaart uitgebreid."

VISIBILITY = [
    # (state, visibility, searcher, found?)
    ("draft", "attendees", "member", False),  # drafts are not findable, not even by the taker
    ("draft", "network", "outsider", False),
    ("shared", "attendees", "other", True),
    ("shared", "attendees", "host", True),
    ("shared", "attendees", "coordinator", True),
    ("shared", "attendees", "outsider", False),
    ("approved", "attendees", "member", True),
    ("approved", "attendees", "outsider", False),
    ("shared", "network", "outsider", True),
    ("approved", "network", "coordinator", True),
]


def found(app, crew, who):  # noqa: F811
    with app.test_request_context():
        page, _query = search(member(crew, who), "cultuurkaart")
        return page.total == 1


@pytest.mark.parametrize(("state", "visibility", "searcher", "expected"), VISIBILITY)
def test_visibility_table(app, crew, state, visibility, searcher, expected):  # noqa: F811
    with app.app_context():
        factories.minutes(
            meeting_of(crew), member(crew, "member"), TEXT, state=state, visibility=visibility
        )
    assert found(app, crew, searcher) is expected


def test_readers_follow_check_ins_and_visibility_changes(app, client, crew):  # noqa: F811
    from .conftest import login_as

    with app.app_context():
        factories.minutes(meeting_of(crew), member(crew, "member"), TEXT, state="shared")
    assert not found(app, crew, "outsider")
    with app.app_context():
        factories.attend(meeting_of(crew), member(crew, "outsider"))
    assert found(app, crew, "outsider")
    with app.app_context():
        row = db.session.query(Attendance).filter_by(user_id=crew["outsider"][0]).one()
        db.session.delete(row)
        db.session.commit()
    assert not found(app, crew, "outsider")
    login_as(client, crew, "host")
    client.post(f"/meetings/{crew['meeting']}/minutes/visibility", data={"visibility": "network"})
    assert found(app, crew, "outsider")
    login_as(client, crew, "outsider")
    page = client.get("/search", query_string={"q": "cultuurkaart"}).text
    assert f'href="/meetings/{crew["meeting"]}/minutes"' in page


def test_before_anyone_checks_in_the_yes_sayers_are_the_attendees(app, crew):  # noqa: F811
    with app.app_context():
        meeting = factories.meeting("Masterclass", days=-2, kind="masterclass")
        for who, answer in (("outsider", "yes"), ("other", "no")):
            db.session.add(Rsvp(meeting_id=meeting.id, user_id=crew[who][0], answer=answer))
        db.session.commit()
        factories.minutes(meeting, member(crew, "host"), TEXT, state="shared")
    assert found(app, crew, "outsider") and found(app, crew, "host")
    assert not found(app, crew, "other")


def test_a_new_coordinator_finds_attendee_minutes(app, crew):  # noqa: F811
    with app.app_context():
        factories.minutes(meeting_of(crew), member(crew, "member"), TEXT, state="shared")
        outsider = member(crew, "outsider")
        outsider.is_coordinator = True
        db.session.commit()
    assert found(app, crew, "outsider")


SESSION_VISIBILITY = [
    # (visibility of an intervision session's minutes, searcher, found?)
    ("participants", "plain", True),
    ("participants", "minute_taker", True),
    ("participants", "facilitator", True),
    ("participants", "coordinator", False),  # intervision is confidential, even to them
    ("participants", "outsider", False),
    ("attendees", "plain", True),
    ("attendees", "coordinator", True),
    ("attendees", "outsider", False),
]


def session_minutes(visibility):
    """A finished session whose minute-taker noted the cultuurkaart; its minutes drawn up."""
    from leernet.intervision import minutes
    from leernet.intervision.models import PhaseNote, Session
    from leernet.timeutil import utcnow

    from . import intervision_world

    world = intervision_world.build(status="finished")
    session = db.session.get(Session, world["session_id"])
    db.session.add(PhaseNote(session_id=session.id, phase=0, text=TEXT))
    db.session.flush()
    made = minutes.draw_up(session, utcnow())
    made.visibility = visibility
    db.session.commit()
    return world


def session_found(app, world, who):
    from leernet.members.models import User

    with app.test_request_context():
        user = db.session.get(User, world["ids"][who])
        return search(user, "cultuurkaart")[0].total == 1


@pytest.mark.parametrize(("visibility", "searcher", "expected"), SESSION_VISIBILITY)
def test_session_minutes_visibility_table(app, visibility, searcher, expected):
    with app.app_context():
        world = session_minutes(visibility)
    assert session_found(app, world, searcher) is expected


def test_who_finds_session_minutes_follows_who_takes_part(app):
    from leernet.intervision.models import Participant

    with app.app_context():
        world = session_minutes("participants")
    assert not session_found(app, world, "outsider")
    with app.app_context():
        joined = Participant(session_id=world["session_id"], user_id=world["ids"]["outsider"])
        db.session.add(joined)
        db.session.commit()
        joined_id = joined.id
    assert session_found(app, world, "outsider")
    with app.app_context():
        db.session.delete(db.session.get(Participant, joined_id))
        db.session.commit()
    assert not session_found(app, world, "outsider")
