"""Failed logins, counted in the database: the same count for every worker and server.

A limit kept in each process's memory lets two workers each grant the full allowance,
and a limit per address alone lets one address lock a person out. So each failure is
a row with three keys, and a login waits while any of them has failed too often
lately, the wait doubling per further failure up to a short cap:

- the account and the address together: someone guessing one person's password;
- the address alone: someone trying many accounts;
- the account alone, from any address: a spread-out attack on one person. Its cap is
  short, so an attacker elsewhere keeps the real person out for a minute at most.

An unknown e-mail address counts exactly like a known one: the answer shows nothing.
A success forgets the failures of that account from that address.
"""

import math
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Index, String, and_, delete, func, or_, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..timeutil import UTCDateTime, utcnow

WINDOW = timedelta(minutes=15)


@dataclass(frozen=True)
class Rule:
    kind: str
    free: int  # failures allowed before any wait
    cap: int  # longest wait, seconds


RULES = (
    Rule("pair", free=5, cap=300),
    Rule("address", free=20, cap=300),
    Rule("account", free=10, cap=60),
)


class LoginFailure(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    key: Mapped[str] = mapped_column(String(320))
    at = mapped_column(UTCDateTime, default=utcnow, index=True)

    __table_args__ = (Index("ix_login_failure_kind_key", "kind", "key"),)


def _keys(email, address):
    email = email.strip().lower()[:254]
    return {"pair": f"{email} {address}", "address": address, "account": email}


def wait_seconds(email, address, now=None):
    """How long this login must wait (0: it may try now)."""
    now = now or utcnow()
    keys = _keys(email, address)
    rows = db.session.execute(
        select(LoginFailure.kind, func.count(LoginFailure.id), func.max(LoginFailure.at))
        .where(
            or_(*(and_(LoginFailure.kind == k, LoginFailure.key == v) for k, v in keys.items())),
            LoginFailure.at > now - WINDOW,
        )
        .group_by(LoginFailure.kind)
    )
    seen = {kind: (count, last) for kind, count, last in rows}
    longest = 0
    for rule in RULES:
        count, last = seen.get(rule.kind, (0, None))
        if count >= rule.free:
            delay = min(2 ** (count - rule.free), rule.cap)
            longest = max(longest, delay - (now - last).total_seconds())
    return max(0, math.ceil(longest))


def failed(email, address, now=None):
    now = now or utcnow()
    db.session.execute(delete(LoginFailure).where(LoginFailure.at <= now - WINDOW))
    for kind, key in _keys(email, address).items():
        db.session.add(LoginFailure(kind=kind, key=key, at=now))
    db.session.commit()


def succeeded(email, address):
    keys = _keys(email, address)
    db.session.execute(
        delete(LoginFailure).where(LoginFailure.kind == "pair", LoginFailure.key == keys["pair"])
    )
