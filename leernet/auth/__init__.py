"""Who is logged in: Flask-Login wiring.

The session id carries the member's ``session_version``, so changing the password or
deactivating a member ends every other session and remember-me cookie at once.
"""

from flask import redirect, request, url_for

from ..extensions import db, htmx, login_manager
from ..members.models import User

login_manager.login_view = "auth.login"
login_manager.session_protection = "basic"


@login_manager.user_loader
def load_user(session_id):
    user_id, _sep, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit():
        return None
    # Tags are not needed to know who is asking: one query (the timer poll counts them).
    user = db.session.get(User, int(user_id))
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
