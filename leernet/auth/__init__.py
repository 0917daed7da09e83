"""Who is logged in: Flask-Login wiring.

The session id carries the member's ``session_version``, so changing the password or
deactivating a member ends every other session and remember-me cookie at once, and the
key of this login (``logins``), so logging out ends this browser's login for good.
"""

from flask import Blueprint, redirect, request, url_for
from sqlalchemy import and_, bindparam, select

from ..extensions import db, htmx, login_manager
from ..members.models import User
from . import logins

bp = Blueprint("auth", __name__)

login_manager.login_view = "auth.login"
login_manager.session_protection = "basic"

#: Every signed-in request runs this; built once, it costs a third less than ``get``.
#: Tags are not needed to know who is asking: one query.
USER = (
    select(User)
    .join(
        logins.Login,
        and_(logins.Login.user_id == User.id, logins.Login.key_hash == bindparam("key_hash")),
    )
    .where(User.id == bindparam("user_id"))
)
#: ``{endpoint: load(user_id, key_hash, **view_args) -> user or None}``: a hot endpoint
#: that reads who asks in the same query as its own first row. One only, the timer poll;
#: its module (``intervision.live``) says what it bypasses and why.
JOINED_LOADERS = {}


def joined_loader(endpoint):
    """Register ``load`` to read the caller for ``endpoint`` together with its own row."""

    def register(load):
        JOINED_LOADERS[endpoint] = load
        return load

    return register


@login_manager.user_loader
def load_user(session_id):
    parsed = logins.parse(session_id)
    if parsed is None:
        return None
    user_id, version, key = parsed
    key_hash = logins.key_hash(key)
    joined = JOINED_LOADERS.get(request.endpoint)
    if joined is not None:
        user = joined(user_id, key_hash, **request.view_args)
    else:
        user = db.session.scalars(USER, {"user_id": user_id, "key_hash": key_hash}).first()
    if user is None or not user.is_active or user.session_version != version:
        return None
    user.login_key = key
    return user


@login_manager.unauthorized_handler
def unauthorized():
    target = url_for("auth.login", next=request.full_path.rstrip("?"))
    if htmx:
        response = redirect(target)
        response.status_code = 401
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)


from . import group_join, views  # noqa: E402, F401  (routes)
