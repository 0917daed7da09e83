"""Joining through a group link: the same form as a personal invitation, one use counted.

Before a coordinator approves, the newcomer sees the network's name and nothing more.
"""

from flask import url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from ..access import PUBLIC, access
from ..admin import group_links
from ..errors import error_page
from ..extensions import db, limiter
from ..members.accounts import AccountError
from ..timeutil import utcnow
from ..web import form_status, go, render
from . import bp, logins
from .forms import JoinForm
from .views import _token_limit

GONE = _l("This group link is not valid any more. Ask the coordinator for a new one.")


@bp.route("/join/group/<token>", methods=["GET", "POST"])
@access(PUBLIC)
@limiter.limit(_token_limit, methods=["POST"])
def join_group(token):
    if current_user.is_authenticated:
        return go(url_for("home.index"))
    link = group_links.find_open(token)
    if link is None:
        return error_page(410, GONE)
    form = JoinForm(language=str(get_locale()))
    if form.validate_on_submit():
        if not group_links.claim(link, utcnow()):
            db.session.rollback()
            return error_page(410, GONE)
        try:
            user = group_links.join(
                link, form.name.data, form.email.data, form.password.data, form.language.data
            )
        except AccountError as error:
            db.session.rollback()  # the use is not counted
            form.email.errors.append(str(error))
        else:
            db.session.commit()
            if not user.active:
                return render("auth/waiting.html", name=user.name)
            logins.start(user)
            return go(url_for("home.index"))
    return render(
        "auth/join.html", form=form, invitation=None, group_link=link, status=form_status()
    )
