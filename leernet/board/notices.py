"""What the board tells members, in their own language. The caller commits.

A new notice goes to every other member (a daily digest by default: a few a week is what
a network's group chat carries); a reply goes to the notice's poster right away.
"""

from flask_babel import force_locale
from flask_babel import gettext as _

from ..extensions import db
from ..mail import deliver
from ..members.accounts import others
from ..web import external_url


def _link(item):
    db.session.flush()  # the item's id, for its link
    return external_url("board.detail", item_id=item.id)


def item_posted(item, by):
    link = _link(item)
    for user in others(by):
        with force_locale(user.locale):
            deliver(
                "board_new",
                _("On the board: %(title)s", title=item.title),
                _("%(name)s put a notice on the board:\n%(link)s", name=by.name, link=link),
                user=user,
                link=link,
            )


def replied(item, by):
    poster = item.author
    if poster is None or poster.id == by.id or not poster.active:
        return
    link = _link(item) + "#replies"
    with force_locale(poster.locale):
        deliver(
            "board_reply",
            _("%(name)s replied to your notice", name=by.name),
            _("A reply to %(title)s:\n%(link)s", title=item.title, link=link),
            user=poster,
            link=link,
        )
