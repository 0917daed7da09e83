"""``/inbox``: my messages, how I hear about each topic, my devices; the service worker."""

from urllib.parse import urlsplit

from flask import (
    abort,
    current_app,
    flash,
    jsonify,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user

from ..access import COORDINATOR, MEMBER, PUBLIC, access
from ..extensions import db
from ..mail import OutboxMessage, smtp_configured
from ..web import go, render
from . import bp, preferences, push, queries
from .endpoints import EndpointError
from .kinds import MODES, TOPICS


@bp.route("/inbox")
@access(MEMBER)
def index():
    number = min(max(request.args.get("page", 1, type=int), 1), 10**6)  # fits any integer
    page = db.paginate(queries.mine(current_user.id), page=number, per_page=20, error_out=False)
    return render("inbox/index.html", page=page)


def _own(message_id):
    message = db.session.get(OutboxMessage, message_id)
    if message is None or message.user_id != current_user.id:
        abort(404)
    return message


@bp.route("/inbox/<int:message_id>/open", methods=["POST"])
@access(MEMBER)
def open_message(message_id):
    """Opening a message marks it read and goes to the page it is about."""
    message = _own(message_id)
    queries.mark_read(current_user.id, message.id)
    db.session.commit()
    target = urlsplit(message.link)
    path = target.path if target.path.startswith("/") else url_for("inbox.index")
    return go(path + (f"?{target.query}" if target.query else ""))


@bp.route("/inbox/read", methods=["POST"])
@access(MEMBER)
def mark_read():
    """One message (``message``) or all of them read."""
    one = None
    if "message" in request.form:
        one = _own(request.form.get("message", type=int) or 0).id
    queries.mark_read(current_user.id, one)
    db.session.commit()
    return go(url_for("inbox.index"))


def _save_modes(save):
    for topic in TOPICS:
        mode = request.form.get(topic.name, "")
        if mode not in MODES and mode != "":
            abort(400)
        save(topic.name, mode)


@bp.route("/inbox/settings", methods=["GET", "POST"])
@access(MEMBER)
def settings():
    if request.method == "POST":
        _save_modes(lambda topic, mode: preferences.choose(current_user.id, topic, mode))
        db.session.commit()
        flash(_("Your choices have been saved."), "success")
        return go(url_for("inbox.settings"))
    return render(
        "inbox/settings.html",
        topics=TOPICS,
        modes=MODES,
        chosen=preferences.member_modes(current_user.id),
        defaults=preferences.network_defaults(),
        devices=push.devices(current_user.id),
        this_device=session.get("push_device"),
        vapid_key=current_app.config["VAPID_PUBLIC_KEY"],
        smtp=smtp_configured(),
    )


@bp.route("/inbox/defaults", methods=["GET", "POST"])
@access(COORDINATOR)
def defaults():
    if request.method == "POST":
        _save_modes(lambda topic, mode: mode and preferences.set_default(topic, mode))
        db.session.commit()
        flash(_("The network's defaults have been saved."), "success")
        return go(url_for("inbox.defaults"))
    defaults = preferences.network_defaults()
    return render(
        "inbox/defaults.html",
        topics=TOPICS,
        modes=MODES,
        defaults=defaults,
        chosen={topic: (mode, False) for topic, mode in defaults.items()},
    )


@bp.route("/inbox/devices", methods=["POST"])
@access(MEMBER)
def add_device():
    """The profile's script sends this device's subscription (JSON, CSRF in a header)."""
    try:
        push.subscribe(current_user, request.get_json(silent=True))
    except EndpointError as error:
        db.session.rollback()
        return jsonify(error=str(error)), 400
    db.session.commit()
    return jsonify(ok=True), 201


@bp.route("/inbox/devices/remove", methods=["POST"])
@access(MEMBER)
def remove_device():
    data = request.get_json(silent=True) if request.is_json else None
    if isinstance(data, dict) and isinstance(data.get("endpoint"), str):
        push.forget(current_user, endpoint=data["endpoint"])
    else:
        push.forget(current_user, subscription_id=request.form.get("device", type=int))
    db.session.commit()
    if request.is_json:
        return jsonify(ok=True)
    flash(_("Notifications are off for that device."), "success")
    return go(url_for("inbox.settings"))


@bp.route("/sw.js")
@access(PUBLIC)
def service_worker():
    """Served from the root so its scope is the whole app; the same for everyone."""
    css = url_for("static", filename="css/app.css")
    body = render_template(
        "inbox/sw.js",
        offline=url_for("inbox.offline"),
        css=css,
        icon=url_for("static", filename="icons/icon-192.png"),
        version=css.rsplit("=", 1)[-1],  # a new stylesheet makes a new cache
    )
    response = current_app.response_class(body, mimetype="text/javascript")
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.route("/offline")
@access(PUBLIC)
def offline():
    """The page the service worker keeps: the same for everyone, so nothing private."""
    return render_template("inbox/offline.html")
