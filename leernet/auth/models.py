"""Single-purpose, expiring, revocable tokens (setup, password reset).

Only a SHA-256 of each token is stored, so a database leak exposes no usable link.
"""

import hashlib
import secrets

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import UTCDateTime, utcnow

SETUP = "setup"
RESET = "reset"


def digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


class Token(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    purpose: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    created_at = mapped_column(UTCDateTime, default=utcnow)
    expires_at = mapped_column(UTCDateTime, nullable=True)
    used_at = mapped_column(UTCDateTime, nullable=True)


def issue(purpose, user=None, lifetime=None):
    """Create a token and return its plain text (shown once, never stored)."""
    plain = secrets.token_urlsafe(32)
    db.session.add(
        Token(
            purpose=purpose,
            token_hash=digest(plain),
            user_id=user.id if user else None,
            expires_at=utcnow() + lifetime if lifetime else None,
        )
    )
    return plain


def find_valid(purpose, plain):
    """The unused, unexpired token of this purpose, or None."""
    if not plain or len(plain) > 200:
        return None
    token = db.session.scalar(
        select(Token).where(Token.purpose == purpose, Token.token_hash == digest(plain))
    )
    if token is None or token.used_at is not None:
        return None
    if token.expires_at is not None and token.expires_at <= utcnow():
        return None
    return token


def revoke_all(purpose, user=None):
    """Mark every open token of this purpose (and user) as used."""
    query = select(Token).where(Token.purpose == purpose, Token.used_at.is_(None))
    if user is not None:
        query = query.where(Token.user_id == user.id)
    for token in db.session.scalars(query):
        token.used_at = utcnow()
