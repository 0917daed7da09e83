"""A member's own data as JSON: each feature registers the section it owns."""

from sqlalchemy import select

from ..extensions import db

SECTIONS = {}


def section(name):
    """Decorator: ``func(user)`` returns JSON-ready data for the export's ``name`` key."""

    def register(func):
        SECTIONS[name] = func
        return func

    return register


def collect(user):
    return {name: SECTIONS[name](user) for name in sorted(SECTIONS)}


def stamp(value):
    return value.isoformat() if value else None


@section("profile")
def _profile(user):
    return {
        "name": user.name,
        "email": user.email,
        "bio": user.bio,
        "expertise": [t.name for t in user.tags],
        "wants_to_learn": [t.name for t in user.wishes],
        "contact": user.contact,
        "contact_detail": user.contact_detail,
        "language": user.locale,
        "role": user.role,
        "joined": stamp(user.created_at),
    }


@section("messages")
def _messages(user):
    from ..mail import OutboxMessage

    rows = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.user_id == user.id).order_by(OutboxMessage.id)
    )
    return [{"subject": m.subject, "body": m.body, "created": stamp(m.created_at)} for m in rows]
