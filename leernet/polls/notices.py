"""A new date poll reaches every member, in their own language. The caller commits."""

from flask_babel import force_locale
from flask_babel import gettext as _

from ..extensions import db
from ..mail import deliver
from ..members.accounts import others
from ..web import external_url


def poll_opened(poll, by):
    db.session.flush()  # the poll's id, for its link
    link = external_url("polls.detail", poll_id=poll.id)
    for user in others(by):
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
