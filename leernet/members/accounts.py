"""Account rules: joining, roles, deactivation and erasure.

Views call these; each raises ``AccountError`` with a message a person can act on.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..security import hash_password
from .models import ExpertiseTag, User

#: ``fn(user)`` per feature that removes what an erased member wrote there (their own
#: words that are not a shared record), filled by ``on_erase``.
ERASERS = []


def on_erase(func):
    ERASERS.append(func)
    return func


class AccountError(ValueError):
    """A rule stopped the change; ``str(error)`` is shown to the user."""


def find_by_email(email):
    return db.session.scalar(select(User).where(User.email == email.strip().lower()))


def create_user(name, email, password, locale="nl", coordinator=False):
    email = email.strip().lower()
    if find_by_email(email) is not None:
        raise AccountError(_l("An account with this e-mail address already exists."))
    user = User(
        name=name.strip(),
        email=email,
        password_hash=hash_password(password),
        locale=locale,
        is_coordinator=coordinator,
    )
    db.session.add(user)
    db.session.flush()
    return user


def set_password(user, password):
    """New password; every other session and remember-me cookie stops working."""
    user.password_hash = hash_password(password)
    user.session_version += 1


def choosable(extra_id=None):
    """``(id, name)`` of the active members to pick as a host or owner, by name.

    ``extra_id`` is the one already chosen: kept in the list when they have left since.
    """
    rows = db.session.execute(
        select(User.id, User.name)
        .where(User.active.is_(True), User.erased.is_(False))
        .order_by(func.lower(User.name), User.id)
    ).all()
    pairs = [(uid, name) for uid, name in rows]
    if extra_id and extra_id not in {uid for uid, _n in pairs}:
        user = db.session.get(User, extra_id)
        if user is not None:
            pairs.append((user.id, user.display_name))
    return pairs


def others(user):
    """Every active member but ``user``: who hears of something ``user`` started."""
    return db.session.scalars(
        select(User)
        .where(User.active.is_(True), User.erased.is_(False), User.id != user.id)
        .order_by(User.id)
    )


def active_coordinators():
    return db.session.scalar(
        select(func.count(User.id)).where(
            User.is_coordinator.is_(True), User.active.is_(True), User.erased.is_(False)
        )
    )


def _keep_a_coordinator(user):
    if user.is_coordinator and user.is_active and active_coordinators() <= 1:
        raise AccountError(
            _l(
                "%(name)s is the only coordinator. Make someone else coordinator first.",
                name=user.name,
            )
        )


def set_coordinator(user, coordinator):
    if not coordinator:
        _keep_a_coordinator(user)
    if coordinator and not user.is_active:
        raise AccountError(_l("Reactivate this member before making them coordinator."))
    user.is_coordinator = coordinator


def set_active(user, active):
    if user.erased:
        raise AccountError(_l("This account was erased and cannot be reactivated."))
    if not active:
        _keep_a_coordinator(user)
        user.session_version += 1
    user.active = active


def set_tags(user, raw, attribute="tags"):
    """Replace the user's expertise tags (or, with ``attribute="wishes"``, what they want
    to learn) with the comma-separated ``raw`` list."""
    setattr(user, attribute, tags_named(raw))


def tags_named(raw, limit=20):
    """The tags for the comma-separated ``raw`` list, made where nobody had one yet."""
    names = []
    for part in (raw or "").split(","):
        name = ExpertiseTag.normalise(part)
        if name and name not in names:
            names.append(name)
    names = names[:limit]
    existing = {
        t.name: t
        for t in db.session.scalars(select(ExpertiseTag).where(ExpertiseTag.name.in_(names)))
    }
    return [existing.get(name) or new_tag(name) for name in names]


def new_tag(name):
    """A tag nobody had yet. When another member adds the same one at the same moment,
    the unique name lets one insert through and this member gets that tag."""
    tag = ExpertiseTag(name=name)
    try:
        with db.session.begin_nested():
            db.session.add(tag)
    except IntegrityError:
        tag = db.session.scalar(select(ExpertiseTag).where(ExpertiseTag.name == name))
    return tag


def erase(user):
    """Remove personal data; contributions stay and show as "former member"."""
    _keep_a_coordinator(user)
    user.erased = True
    user.active = False
    user.is_coordinator = False
    user.name = ""
    user.email = f"erased-{user.id}@invalid"
    user.bio = ""
    user.contact_detail = ""
    user.password_hash = ""
    user.tags = []
    user.wishes = []
    user.session_version += 1
    for remove in ERASERS:
        remove(user)
