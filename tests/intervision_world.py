"""A running intervision meeting for the intervision tests: five people in one session."""

from leernet.extensions import db
from leernet.intervision.models import Session

from . import factories
from .conftest import login_as

PEOPLE = ("coordinator", "facilitator", "case_bringer", "timekeeper", "minute_taker", "plain",
          "outsider")  # fmt: skip


def build(method="incident", status="ready", **fields):
    """Everyone by role, the meeting (started 10 minutes ago) and the session; ids only."""
    factories.network()
    users = {
        "coordinator": factories.user("Anouk Coördinator", coordinator=True),
        "facilitator": factories.user("Fien Faciliteert"),
        "case_bringer": factories.user("Cas Casus"),
        "timekeeper": factories.user("Tim Tijd"),
        "minute_taker": factories.user("Mila Notulist"),
        "plain": factories.user("Piet Deelnemer"),
        "outsider": factories.user("Olga Buiten"),
    }
    meeting = factories.meeting("Intervisie", days=0, hours=3)
    meeting.starts_at = meeting.starts_at.replace() - _minutes(10)
    db.session.commit()
    members = [users[k] for k in ("facilitator", "case_bringer", "timekeeper", "minute_taker",
                                  "plain")]  # fmt: skip
    roles = {r: users[r] for r in ("facilitator", "case_bringer", "timekeeper", "minute_taker")}
    from leernet.intervision.catalogue import get_method

    roles = {r: u for r, u in roles.items() if r in get_method(method).roles}
    session = factories.intervision(meeting, members, method=method, roles=roles, status=status,
                                    **fields)  # fmt: skip
    return {
        "ids": {k: u.id for k, u in users.items()},
        "emails": {k: u.email for k, u in users.items()},
        "meeting_id": meeting.id,
        "session_id": session.id,
    }


def _minutes(n):
    from datetime import timedelta

    return timedelta(minutes=n)


def login(client, world, who):
    """``login_as`` for one of the world's people, and it must succeed."""
    assert login_as(client, world["emails"], who).status_code in (302, 303)
    return client


def url(world, tail=""):
    return f"/intervision/{world['session_id']}{tail}"


def control(client, world, action):
    """A timer control as the phone sends it, with the version it last saw."""
    with client.application.app_context():
        version = db.session.get(Session, world["session_id"]).version
    return client.post(url(world, "/timer"), data={"action": action, "version": version})
