"""What the load and fault tests do: pollers read, writers write, and no write is lost.

A feature adds a poller or a writer here:

- ``@poller(name)`` on ``fn(crowd) -> path``: a page people poll every two seconds
  (e.g. the live timer's state); ``crowd`` holds the test's people (``member_ids``).
- ``@writer(name, role)`` on a class with ``write(session, token, crowd)``, which posts
  one write carrying the unique ``token`` and returns the response (303 means
  acknowledged, the app's answer to a successful POST), and ``verify(attempts)``, which
  looks in the database (inside an app context, after the run, and after a ``kill -9``
  and restart) and returns what is missing. ``attempts`` holds one ``Attempts`` per
  writer thread. ``role`` is who writes: ``member`` (each thread as its own member) or
  ``coordinator``.
"""

from dataclasses import dataclass, field

from sqlalchemy import select

from leernet.admin.models import Invitation
from leernet.extensions import db
from leernet.members.models import User


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


def writer(name, role):
    def register(cls):
        cls.role = role
        WRITERS[name] = cls
        return cls

    return register


@poller("a member's profile")
def profile_page(crowd):
    return f"/members/{crowd.member_ids[0]}"


@writer("profile edit", role="member")
class ProfileEdit:
    """Each save overwrites the last: the last acknowledged one, or a later try, stays."""

    @staticmethod
    def write(session, token, _crowd):
        fields = {"name": "Lid onder belasting", "bio": token, "expertise": "belasting"}
        return session.post(
            "/members/me", {**fields, "contact": "email", "contact_detail": "", "language": "en"}
        )

    @staticmethod
    def verify(attempts):
        missing = []
        for thread in attempts:
            if not thread.acknowledged:
                continue
            bio = db.session.scalar(select(User.bio).where(User.id == thread.user_id))
            since_last = thread.tried[thread.tried.index(thread.acknowledged[-1]) :]
            if bio not in since_last:
                missing.append(f"member {thread.user_id}: {thread.acknowledged[-1]}, has {bio}")
        return missing


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
