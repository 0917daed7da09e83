"""``make demo``: a realistic demo network, built by steps each feature registers.

Each feature keeps its own demo data in a demo module that its ``init_app`` imports, and
registers a step with ``@step(order)``; ``seed`` runs them in order inside one transaction.
"""

import random

from sqlalchemy import select

from .extensions import db

STEPS = []
PASSWORD = "leernet-demo-2026"
COORDINATOR_EMAIL = "anouk.dekker@example.nl"


def step(order):
    def register(func):
        STEPS.append((order, func))
        return func

    return register


class DemoError(RuntimeError):
    pass


def seed():
    """Seed once; return ``(email, password, role)`` of every demo account."""
    from .members.models import User

    existing = db.session.scalar(select(User).where(User.email == COORDINATOR_EMAIL))
    if existing is None:
        if db.session.scalar(select(User.id).limit(1)) is not None:
            raise DemoError("This database already holds a network that is not the demo.")
        context = {"random": random.Random(2026)}
        for _order, func in sorted(STEPS, key=lambda s: s[0]):
            func(context)
            db.session.flush()
        db.session.commit()
    users = db.session.scalars(
        select(User)
        .where(User.email.like("%@example.nl"), User.active.is_(True))
        .order_by(User.is_coordinator.desc(), User.id)
    )
    return [(u.email, PASSWORD, u.role) for u in users]
