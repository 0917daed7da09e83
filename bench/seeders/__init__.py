"""Bulk seeders for the benchmark's networks: each feature inserts its own share.

A feature adds a module to this package (loaded automatically) with a function
registered by ``@seeder(order)``. It gets a ``context`` holding ``size`` (this network's
counts, see ``SIZES``), a seeded ``random``, ``values`` (URL arguments for the main
pages, e.g. ``member_id``; add yours), ``logins`` (e-mail per role; every account's
password is ``PASSWORD``) and ``now``. A seeder may leave what later ones build on
(e.g. ``meetings``: which are past, current, upcoming; who attended). Insert in bulk,
``db.session.execute(insert(Model), rows)`` with explicit ids: thousands of rows a
second, no ORM objects, no HTTP. The last seeder rebuilds the search index.
"""

import random
from importlib import import_module
from pkgutil import iter_modules

from leernet.extensions import db
from leernet.timeutil import utcnow

PASSWORD = "benchmark wachtwoord"

#: The counts of each network; a feature's seeder reads its own (``context["size"]``).
SIZES = {
    "large": {
        "members": 500,
        "meetings": 300,
        "sessions": 1500,
        "resources": 10_000,
        "decisions": 2000,
        "invitations": 1000,
        "messages": 3000,
        "questions": 1000,
        "stories": 300,
        "actions": 600,
        "polls": 40,
        "board_items": 2000,
        "comments": 6000,
    },
    "tiny": {
        "members": 8,
        "meetings": 3,
        "sessions": 3,
        "resources": 5,
        "decisions": 3,
        "invitations": 3,
        "messages": 5,
        "questions": 2,
        "stories": 2,
        "actions": 2,
        "polls": 1,
        "board_items": 3,
        "comments": 4,
    },
}

SEEDERS = []


def seeder(order):
    def register(func):
        SEEDERS.append((order, func))
        return func

    return register


def _load():
    for module in iter_modules(__path__):
        import_module(f"{__name__}.{module.name}")


def seed(size_name):
    """Fill the current app's (migrated, empty) database; return the context."""
    _load()
    context = {
        "size": SIZES[size_name],
        "random": random.Random(2026),
        "values": {},
        "logins": {},
        "now": utcnow(),
    }
    for _order, func in sorted(SEEDERS, key=lambda item: item[0]):
        func(context)
        db.session.flush()
    db.session.commit()
    return context
