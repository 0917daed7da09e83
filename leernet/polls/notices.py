"""A new date poll reaches every member, in their own language. The caller commits."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..mail import deliver
from ..members.models import User
from ..web import external_url


def poll_opened(poll, by):
    db.session.flush()  # the poll's id, for its link
    link = external_url("polls.detail", poll_id=poll.id)
    members = db.session.scalars(
        select(User)
        .where(User.active.is_(True), User.erased.is_(False), User.id != by.id)
        .order_by(User.id)
    )
    for user in members:
        with force_locale(user.locale):
            deliver(
                "poll_new",
                _("Which dates suit you? %(title)s", title=poll.title),
                _(
                    "%(name)s wants to find a date for %(title)s. "
                    "Mark the dates you can:\n%(link)s",
                    name=by.name,
                    title=poll.title,
                    link=link,
                ),
                user=user,
                link=link,
            )
