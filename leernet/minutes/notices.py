"""Messages about minutes and actions, each in its reader's own language."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..i18n import format_date
from ..mail import deliver
from ..members.models import User
from ..web import external_url


def _active(ids):
    if not ids:
        return []
    return db.session.scalars(
        select(User).where(User.id.in_(list(ids)), User.active.is_(True), User.erased.is_(False))
    ).all()


def shared(doc, by):
    """Tell the subject's people that the minutes are ready for amendment."""
    link = external_url("minutes.view", **doc.args)
    title = doc.title
    for user in _active(doc.subject.people(doc.obj) - {by.id}):
        with force_locale(user.locale):
            deliver(
                "minutes_shared",
                _("Minutes to read: %(title)s", title=title),
                _(
                    "%(name)s has shared the minutes of %(title)s. Read them and add or "
                    "correct what is missing before they are approved:\n%(link)s",
                    name=by.name,
                    title=title,
                    link=link,
                ),
                user=user,
                link=link,
            )


def assigned(action, by):
    """Tell a member that someone else gave them an action."""
    owner = action.owner
    if owner is None or owner.id == by.id or not owner.is_active:
        return
    link = external_url("minutes.my_actions")
    with force_locale(owner.locale):
        due = ""
        if action.due_on:
            due = "\n" + _("Due: %(date)s", date=format_date(action.due_on, "long"))
        deliver(
            "action_assigned",
            _("A new action for you: %(what)s", what=action.what),
            _("%(name)s has noted an action for you:", name=by.name)
            + f"\n\n{action.what}{due}\n\n"
            + _("Your actions: %(link)s", link=link),
            user=owner,
            link=link,
        )
