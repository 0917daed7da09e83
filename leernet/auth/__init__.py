"""Who is logged in: Flask-Login wiring.

The session id carries the member's ``session_version``, so changing the password or
deactivating a member ends every other session and remember-me cookie at once.
"""

from flask import redirect, request, url_for
from sqlalchemy import bindparam, select

from ..extensions import db, htmx, login_manager
from ..members.models import User

login_manager.login_view = "auth.login"
login_manager.session_protection = "basic"

#: Every signed-in request runs this; built once, it costs a third less than ``get``.
#: Tags are not needed to know who is asking: one query.
USER = select(User).where(User.id == bindparam("user_id"))
#: ``{endpoint: load(user_id, **view_args) -> Caller | None}``: a hot endpoint whose own
#: first read comes in the same query as the user's (the timer poll: one query in all).
JOINED_LOADERS = {}


def joined_loader(endpoint):
    """Register ``load`` to read the caller for ``endpoint`` together with its own row."""

    def register(load):
        JOINED_LOADERS[endpoint] = load
        return load

    return register


@login_manager.user_loader
def load_user(session_id):
    user_id, _sep, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    joined = JOINED_LOADERS.get(request.endpoint)
    if joined is not None:
        user = joined(int(user_id), **request.view_args)
    else:
        user = db.session.scalars(USER, {"user_id": int(user_id)}).first()
    if user is None or not user.is_active or user.session_version != int(version):
        return None
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
