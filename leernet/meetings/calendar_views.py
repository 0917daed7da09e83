"""The private calendar feed (``/calendar/<token>.ics``) and the page that explains it.

Calendar apps fetch the feed without a session, so the token is the key: random,
only good for this feed, and replaced (the old address dies) when the member asks.
"""

from flask import Response, abort, flash, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..access import MEMBER, PUBLIC, access
from ..admin.models import current_network
from ..compression import uncompressed
from ..extensions import db
from ..web import external_url, go, render
from . import bp
from .feed import events_for, member_for, network_timezone, regenerate, token_for
from .ical import calendar


@bp.route("/calendar/")
@access(MEMBER)
@uncompressed
def subscribe():
    token = token_for(current_user)
    if token is None:
        return render("meetings/calendar.html", url=None)
    url = external_url("meetings.feed", token=token)
    return render("meetings/calendar.html", url=url, webcal="webcal://" + url.split("://", 1)[-1])


@bp.route("/calendar/regenerate", methods=["POST"])
@access(MEMBER)
def regenerate_feed():
    first = token_for(current_user) is None
    regenerate(current_user)
    db.session.commit()
    if not first:
        flash(_("You have a new calendar address. The old one no longer works."), "success")
    return go(url_for("meetings.subscribe"))


@bp.route("/calendar/<token>.ics")
@access(PUBLIC)
def feed(token):
    user = member_for(token)
    if user is None:
        abort(404)
    network = current_network()
    with force_locale(user.locale):
        cal = calendar(events_for(user), network.name if network else "leernet", network_timezone())
        body = cal.to_ical()
    return Response(
        body,
        mimetype="text/calendar",
        headers={
            "Content-Disposition": 'inline; filename="leernet.ics"',
            "Cache-Control": "private, max-age=300",
        },
    )
