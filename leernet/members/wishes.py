"""Learning wishes in the database: who wants to learn what, who suggests whom, and what
the network most wants to learn (for whoever plans a masterclass)."""

from sqlalchemy import func, select

from ..extensions import db
from .matching import suggest
from .models import ExpertiseTag, User, user_tags, user_wishes

ACTIVE = (User.active.is_(True), User.erased.is_(False))


def _tags_by_member(table):
    rows = db.session.execute(
        select(table.c.user_id, ExpertiseTag.name)
        .join(ExpertiseTag, ExpertiseTag.id == table.c.tag_id)
        .join(User, User.id == table.c.user_id)
        .where(*ACTIVE)
    )
    found = {}
    for member_id, name in rows:
        found.setdefault(member_id, set()).add(name)
    return found


def suggestions_for(user):
    """``[(User, Suggestion)]``: at most three active members to get in touch with."""
    if not user.wishes and not user.tags:
        return []
    knows, wants = _tags_by_member(user_tags), _tags_by_member(user_wishes)
    knows[user.id] = {t.name for t in user.tags}
    wants[user.id] = {t.name for t in user.wishes}
    found = suggest(user.id, knows, wants, eligible=set(knows) | set(wants))
    if not found:
        return []
    people = {
        u.id: u
        for u in db.session.scalars(
            select(User).where(User.id.in_([s.member_id for s in found]), *ACTIVE)
        )
    }
    return [(people[s.member_id], s) for s in found if s.member_id in people]


def learners(text, tag, exclude=None, limit=20):
    """Active members but ``exclude`` (the one asking) who want to learn ``tag`` (or a
    subject like ``text``), by name."""
    if not (text or tag):
        return []
    wanted = ExpertiseTag.name == tag if tag else ExpertiseTag.name.like(f"%{text.lower()}%")
    return db.session.scalars(
        select(User)
        .where(*ACTIVE, User.wishes.any(wanted), User.id != exclude)
        .order_by(func.lower(User.name), User.id)
        .limit(limit)
    ).all()


def most_wanted(limit=8):
    """``[(tag name, members who want to learn it)]``, most wanted first."""
    count = func.count(user_wishes.c.user_id)
    return db.session.execute(
        select(ExpertiseTag.name, count.label("n"))
        .join(user_wishes, user_wishes.c.tag_id == ExpertiseTag.id)
        .join(User, User.id == user_wishes.c.user_id)
        .where(*ACTIVE)
        .group_by(ExpertiseTag.name)
        .order_by(count.desc(), ExpertiseTag.name)
        .limit(limit)
    ).all()
