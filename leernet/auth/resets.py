"""Password reset without e-mail: a short code, told to a coordinator, who approves it.

Without SMTP a reset link would have to wait in the coordinator's outbox, and whoever
opens it becomes the member. Instead the member starts the reset in their own browser,
which keeps a random secret (in its session) and shows a short code. The member tells
the code to a coordinator (in person or by phone), who types it into the member list;
the reset then completes in that browser only, because only it holds the secret. The
coordinator never holds a working link, the approval is kept (who, when), and the
member is told at their next login. Only hashes of the secret and the code are stored.
"""

import hashlib
import hmac
import secrets
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from ..members.accounts import set_password
from ..members.models import User
from ..timeutil import UTCDateTime, utcnow

#: No 0/O, 1/I/L: a code read out over the phone is typed in right the first time.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
#: Wrong codes typed for one request before it is cancelled.
MAX_WRONG = 5


class ResetError(ValueError):
    """The approval was refused; ``str(error)`` says why."""


class ResetRequest(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    browser_hash: Mapped[str] = mapped_column(String(64), unique=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at = mapped_column(UTCDateTime, default=utcnow)
    expires_at = mapped_column(UTCDateTime)
    wrong_codes: Mapped[int] = mapped_column(Integer, default=0)
    approved_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", ondelete="SET NULL"), nullable=True
    )
    approved_at = mapped_column(UTCDateTime, nullable=True)
    used_at = mapped_column(UTCDateTime, nullable=True)
    #: When the member was told (at their next login) that this reset happened.
    seen_at = mapped_column(UTCDateTime, nullable=True)
    user: Mapped[User] = relationship(foreign_keys=[user_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])

    def is_open(self, now=None):
        return self.used_at is None and self.expires_at > (now or utcnow())


def _hash(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _code_hash(code):
    """Keyed: a short code's plain hash would be quick to reverse from a database copy."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, normalise(code).encode(), hashlib.sha256).hexdigest()


def normalise(code):
    return "".join(ch for ch in (code or "").upper() if ch.isascii() and ch.isalnum())


def shown(code):
    return f"{code[:4]}-{code[4:]}"


def begin(user, hours):
    """``(secret, code, expires_at)`` for this browser. ``user`` None (an unknown or
    inactive address) makes the same answer and stores nothing, so the page shows
    nobody whether an address has an account."""
    secret = secrets.token_urlsafe(32)
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    expires_at = utcnow() + timedelta(hours=hours)
    if user is not None:
        for old in db.session.scalars(
            select(ResetRequest).where(
                ResetRequest.user_id == user.id, ResetRequest.used_at.is_(None)
            )
        ):
            old.used_at = utcnow()
        db.session.add(
            ResetRequest(
                user_id=user.id,
                browser_hash=_hash(secret),
                code_hash=_code_hash(code),
                expires_at=expires_at,
            )
        )
    return secret, code, expires_at


def for_browser(secret):
    """This browser's request, or None (none, or started for an unknown address)."""
    if not secret or len(secret) > 100:
        return None
    return db.session.scalar(select(ResetRequest).where(ResetRequest.browser_hash == _hash(secret)))


def open_requests():
    """``{user_id: request}`` of the requests waiting for a coordinator."""
    now = utcnow()
    rows = db.session.scalars(
        select(ResetRequest).where(
            ResetRequest.used_at.is_(None),
            ResetRequest.approved_at.is_(None),
            ResetRequest.expires_at > now,
        )
    )
    return {row.user_id: row for row in rows}


def approve(member, code, by):
    """``by`` approves ``member``'s open request when ``code`` is the one it showed."""
    request = open_requests().get(member.id)
    if request is None:
        raise ResetError(_l("%(name)s has not asked for a new password.", name=member.name))
    if by.id == member.id:
        raise ResetError(_l("Another coordinator approves a reset of your own password."))
    if not hmac.compare_digest(request.code_hash, _code_hash(code)):
        request.wrong_codes += 1
        if request.wrong_codes >= MAX_WRONG:
            request.used_at = utcnow()
            raise ResetError(
                _l("That code was wrong too often; %(name)s starts again.", name=member.name)
            )
        raise ResetError(_l("That is not the code %(name)s was shown.", name=member.name))
    request.approved_by_id = by.id
    request.approved_at = utcnow()
    return request


def may_complete(request):
    return request is not None and request.approved_at is not None and request.is_open()


def complete(request, password):
    set_password(request.user, password)
    request.used_at = utcnow()


def tell(user):
    """Resets of ``user``'s password not yet told to them; marks them told."""
    rows = list(
        db.session.scalars(
            select(ResetRequest)
            .where(
                ResetRequest.user_id == user.id,
                ResetRequest.approved_at.is_not(None),
                ResetRequest.used_at.is_not(None),
                ResetRequest.seen_at.is_(None),
            )
            .order_by(ResetRequest.approved_at)
        )
    )
    for row in rows:
        row.seen_at = utcnow()
    return rows
