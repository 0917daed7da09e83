"""What the load and fault tests do: pollers read, writers write, and no write is lost.

A feature adds a poller or a writer here:

- ``@poller(name)`` on ``fn(crowd) -> path``: a page people poll every two seconds
  (the live timer's state); ``crowd`` holds the test's people (``member_ids``) and the
  running session they take part in (``session_id``, ``session_version``).
- ``@writer(name, role, acknowledged=303, refused=())`` on a class with
  ``write(session, token, crowd)``, which posts one write carrying the unique ``token``
  and returns the response, and ``verify(attempts)``, which looks in the database
  (inside an app context, after the run, and after a ``kill -9`` and restart) and
  returns what is missing. ``acknowledged`` is the status that says the write was
  taken (303, the app's answer to a successful POST; 200 for an htmx POST answered
  with a fragment); ``refused`` lists statuses that are a correct answer under
  contention but take nothing (409 for a save that lost a race). Any other status
  fails the test. ``attempts`` holds one ``Attempts`` per writer thread. ``role`` is
  who writes: ``member`` (each thread as its own member) or ``coordinator``.
  An optional ``prepare(crowd)`` (a classmethod, run in an app context before the
  server starts) makes what the writes need; its result is ``crowd.places[cls]``.
"""

import random
import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import make_url

from leernet.admin.models import Invitation
from leernet.decisions.models import Stance
from leernet.extensions import db
from leernet.meetings.models import Rsvp
from leernet.members.models import User
from leernet.minutes.models import MinutesRevision
from leernet.value.models import CheckOut

from . import factories
from .conftest import HTMX

BASE = re.compile(r'name="base" type="hidden" value="(\d+)"')


@dataclass
class Attempts:
    """One writer thread's writes, in order: every token tried, and those acknowledged."""

    user_id: int
    tried: list = field(default_factory=list)
    acknowledged: list = field(default_factory=list)


POLLERS = {}
WRITERS = {}


def poller(name):
    def register(func):
        POLLERS[name] = func
        return func

    return register


def writer(name, role, acknowledged=303, refused=()):
    def register(cls):
        cls.role, cls.acknowledged, cls.refused = role, acknowledged, tuple(refused)
        WRITERS[name] = cls
        return cls

    return register


def last_writes_kept(attempts, column, key, *where):
    """Last write wins: each thread's last acknowledged token, or one it tried later
    (sent, but its answer lost), is what ``column`` holds for that thread's user."""
    users = [thread.user_id for thread in attempts]
    stored = dict(db.session.execute(select(key, column).where(key.in_(users), *where)).all())
    missing = []
    for thread in attempts:
        if not thread.acknowledged:
            continue
        since_last = thread.tried[thread.tried.index(thread.acknowledged[-1]) :]
        has = stored.get(thread.user_id)
        if has not in since_last:
            missing.append(f"user {thread.user_id}: {thread.acknowledged[-1]}, has {has}")
    return missing


def crowd_members(crowd):
    return db.session.scalars(select(User).where(User.id.in_(crowd.member_ids))).all()


def past_meeting_attended_by(crowd, title):
    """A meeting that ended yesterday, with every member of the crowd checked in."""
    meeting = factories.meeting(title, days=-1, hours=3, kind="network")
    factories.attend(meeting, *crowd_members(crowd))
    return meeting


def sqlite_file(app):
    """The SQLite database file the app uses, or None on PostgreSQL."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    return url.database if url.get_backend_name() == "sqlite" else None


def data(page, name):
    """A number the live timer fragment carries in ``data-<name>``."""
    return int(page.split(f'data-{name}="')[1].split('"')[0])


@poller("the live timer's state")
def live_timer_state(crowd):
    """What each phone asks every two seconds while the session runs (mostly a 204)."""
    return f"/intervision/{crowd.session_id}/state?v={crowd.session_version}"


@writer("profile edit", role="member")
class ProfileEdit:
    """Each save overwrites the last."""

    @staticmethod
    def write(session, token, _crowd):
        fields = {"name": "Lid onder belasting", "bio": token, "expertise": "belasting"}
        return session.post(
            "/members/me", {**fields, "contact": "email", "contact_detail": "", "language": "en"}
        )

    @staticmethod
    def verify(attempts):
        return last_writes_kept(attempts, User.bio, User.id)


@writer("invitation", role="coordinator")
class NewInvitation:
    """Every acknowledged invitation exists."""

    @staticmethod
    def write(session, token, _crowd):
        return session.post("/admin/invitations", {"name": token, "email": ""})

    @staticmethod
    def verify(attempts):
        acknowledged = {token for thread in attempts for token in thread.acknowledged}
        query = select(Invitation.name).where(Invitation.name.in_(acknowledged))
        return sorted(acknowledged - set(db.session.scalars(query)))


@writer("RSVP", role="member", acknowledged=200)
class Answer:
    """One tap, as the phone sends it (htmx): the panel back means the answer is stored;
    a refusal would come back as 422. Members change their mind; the last answer stays."""

    CHOICES = ("yes", "maybe", "no")

    @classmethod
    def prepare(cls, crowd):
        return factories.meeting("Netwerkdag", days=7, kind="network").id

    @classmethod
    def write(cls, session, token, crowd):
        data = {"answer": random.choice(cls.CHOICES), "note": token}
        data["csrf_token"] = session.csrf_token
        return session.request("POST", f"/meetings/{crowd.places[cls]}/rsvp", data, HTMX)

    @staticmethod
    def verify(attempts):
        return last_writes_kept(attempts, Rsvp.note, Rsvp.user_id)


@writer("minutes save", role="member", refused=(409,))
class MinutesSave:
    """Every member writer amends the same shared minutes, each save naming the revision
    it started from. Of two saves on one base, one is taken and the other gets the merge
    screen (409, not acknowledged); every taken save is a revision that stays."""

    @classmethod
    def prepare(cls, crowd):
        meeting = past_meeting_attended_by(crowd, "Netwerkbijeenkomst")
        taker = db.session.get(User, crowd.member_ids[0])
        factories.minutes(meeting, taker, state="shared")
        return f"/meetings/{meeting.id}/minutes/edit"

    @classmethod
    def write(cls, session, token, crowd):
        editor = session.get(crowd.places[cls])
        if editor.status != 200:
            return editor
        base = BASE.search(editor.text).group(1)
        return session.post(crowd.places[cls], {"text": cls.text(token), "note": "", "base": base})

    @staticmethod
    def text(token):
        return f"## Besproken\n\n{token}\n"

    @classmethod
    def verify(cls, attempts):
        saved = {cls.text(token): token for thread in attempts for token in thread.acknowledged}
        query = select(MinutesRevision.text).where(MinutesRevision.text.in_(saved))
        return sorted(saved[text] for text in set(saved) - set(db.session.scalars(query)))


@writer("decision stance", role="member")
class DecisionStance:
    """Members take and change their stance on an open proposal; the last one stays."""

    @classmethod
    def prepare(cls, crowd):
        proposer = db.session.get(User, crowd.coordinator[0])
        return factories.decision(proposer, "Een vaste plek voor de bijeenkomsten").id

    @classmethod
    def write(cls, session, token, crowd):
        return session.post(
            f"/decisions/{crowd.places[cls]}/stance", {"kind": "agree", "reason": token}
        )

    @staticmethod
    def verify(attempts):
        return last_writes_kept(attempts, Stance.reason, Stance.member_id)


@writer("value check-out", role="member")
class ValueCheckOut:
    """The 30-second check-out after a meeting the member attended; editing it again
    within the week keeps one row per member, with the last answer."""

    @classmethod
    def prepare(cls, crowd):
        return past_meeting_attended_by(crowd, "Masterclass").id

    @classmethod
    def write(cls, session, token, crowd):
        data = {"usefulness": str(random.randint(1, 5)), "cycles": "immediate", "takeaway": token}
        return session.post(f"/value/checkout/{crowd.places[cls]}", data)

    @staticmethod
    def verify(attempts):
        return last_writes_kept(attempts, CheckOut.takeaway, CheckOut.user_id)
