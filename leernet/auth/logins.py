"""One row per login: logging out on one device ends that login, and only that one.

A signed cookie cannot be taken back: a copy made before logout would keep working. So
each login gets a random key, kept in the session id (``"<user>:<version>:<key>"``,
which Flask-Login also writes into the remember-me cookie), and a row holding the
key's SHA-256. Every request's user lookup joins that row; logout deletes it, so the
session cookie and the remember-me cookie of that browser, copied or not, stop
working, while the member's phone running a session's timer stays logged in.
``session_version`` still ends every login at once (password change, deactivation).
"""

import hashlib
import secrets

from blinker import Namespace
from flask import current_app
from flask_login import login_user
from sqlalchemy import ForeignKey, String, delete
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import UTCDateTime, utcnow


class Login(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    remember: Mapped[bool] = mapped_column(default=False)
    created_at = mapped_column(UTCDateTime, default=utcnow, index=True)


def key_hash(key):
    return hashlib.sha256(key.encode()).hexdigest()


def session_id(user_id, version, key):
    return f"{user_id}:{version}:{key}"


def parse(session_id_text):
    """``(user_id, version, key)`` from a session id, or None for anything else."""
    parts = session_id_text.split(":")
    if len(parts) != 3 or not parts[0].isascii() or not parts[1].isascii():
        return None
    user_id, version, key = parts
    if not (user_id.isdigit() and version.isdigit() and 16 <= len(key) <= 64):
        return None
    return int(user_id), int(version), key


def start(user, remember=False, key=None):
    """Log ``user`` in on this browser with a fresh login row (or ``key``'s existing one)."""
    if key is None:
        key = secrets.token_urlsafe(24)
        oldest = utcnow() - current_app.config["REMEMBER_COOKIE_DURATION"]
        db.session.execute(delete(Login).where(Login.created_at < oldest))
        db.session.add(Login(user_id=user.id, key_hash=key_hash(key), remember=remember))
        db.session.commit()
    user.login_key = key
    login_user(user, remember=remember)


#: Sent by ``end`` while the browser's session still holds what features kept in it
#: (Flask-Login's ``user_logged_out`` comes after logout has cleared the session).
ending = Namespace().signal("login-ending")


def end(user):
    """Delete this browser's login row: its cookies, and every copy of them, stop working."""
    ending.send(current_app._get_current_object(), user=user)
    key = getattr(user, "login_key", None)
    if key:
        db.session.execute(delete(Login).where(Login.key_hash == key_hash(key)))
        db.session.commit()
