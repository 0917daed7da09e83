"""The grouped rows behind the dashboard and the report, kept in the database.

A year of a large network is tens of thousands of answers, check-outs and session
places; summing them on every visit made the dashboard the one page that slowed down as
a network grew, while the sums change only when someone writes. So a reader's rows are
stored per period, under a *generation*: a commit that wrote to any table a reader
reads moves the generation on in the same transaction, and rows stored under an older
one are not used. Nobody has to remember to invalidate anything: a reader's tables are
found in its statement when it registers, and every flush and bulk statement of the
app's own sessions (``db.session``, Flask-SQLAlchemy's session factory) is watched; a
session made elsewhere in the process (a library's, a script's own) is left alone.

Figures also change without a write when a meeting ends (only held meetings count), so
stored rows last until the next meeting of their period ends. The entries live in the
database, not in a worker: every worker and app server shares them (DESIGN: no state in
a process).
"""

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from importlib import import_module
from itertools import chain
from typing import NamedTuple

from sqlalchemy import event, func, or_, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql.util import find_tables

from ..extensions import db
from ..meetings.models import Meeting
from .models import FiguresCache

#: The key of the row that holds the generation.
GENERATION = "generation"


class Reader(NamedTuple):
    build: Callable  # fn(bounds, now) -> Select
    #: The name and a digest of its statement: rows kept by an earlier release's
    #: statement are never read by a changed one.
    key: str


#: ``name -> Reader``: the statements whose rows are kept.
READERS: dict[str, Reader] = {}
#: The tables they read: a write to one of these moves the generation on.
WATCHED: set[str] = set()
CHANGED = "leernet.value.figures_changed"

_TABLE = FiguresCache.__table__
_SAMPLE = [datetime(2026, month, 1, tzinfo=UTC) for month in (1, 2, 3)]


def reader(name):
    """Register ``fn(bounds, now) -> Select`` as the rows called ``name``."""

    def register(build):
        statement = build(_SAMPLE, _SAMPLE[-1])
        digest = hashlib.sha256(str(statement).encode()).hexdigest()[:12]
        READERS[name] = Reader(build, f"{name}@{digest}")
        WATCHED.update(table.name for table in find_tables(statement))
        return build

    return register


def rows(names, bounds, now):
    """``{name: rows}`` for these readers over the period ``bounds``, as of ``now``.

    One statement when they are kept; otherwise each missing reader's statement, and one
    more, in a short transaction of its own, to keep their rows for the next visitor: for
    requests that only read (on SQLite a request holding the write lock would wait).
    """
    key = _key(bounds)
    generation, kept, valid_until = db.session.execute(_lookup(key, bounds, now)).one()
    kept = dict(kept or {})
    wanted = [READERS[name] for name in names]
    missing = [source for source in wanted if source.key not in kept]
    if missing:
        connection = db.session.connection()
        for source in missing:
            result = connection.execute(source.build(bounds, now))
            kept[source.key] = [[_plain(value) for value in row] for row in result]
        _keep(key, generation, kept, valid_until)
    return {name: kept[source.key] for name, source in zip(names, wanted, strict=True)}


def _key(bounds):
    return hashlib.sha256("|".join(b.isoformat() for b in bounds).encode()).hexdigest()[:40]


def _lookup(key, bounds, now):
    """The current generation, the rows kept under it (or None), and the next meeting end."""
    generation = func.coalesce(
        select(_TABLE.c.generation).where(_TABLE.c.key == GENERATION).scalar_subquery(), 0
    )
    kept = (
        select(_TABLE.c.rows)
        .where(
            _TABLE.c.key == key,
            _TABLE.c.generation == generation,
            or_(_TABLE.c.valid_until.is_(None), _TABLE.c.valid_until > now),
        )
        .scalar_subquery()
    )
    next_end = (
        select(func.min(Meeting.ends_at))
        .where(Meeting.ends_at > now, Meeting.starts_at < bounds[-1])
        .scalar_subquery()
    )
    return select(generation, kept, next_end)


def _plain(value):
    """A number as JSON keeps it (PostgreSQL sums integers as ``Decimal``)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _upsert(bind, values, **changes):
    """``INSERT ... ON CONFLICT DO UPDATE``, which SQLite and PostgreSQL spell alike.

    The dialect's module is imported when first used: loading PostgreSQL's into every
    SQLite worker would cost it megabytes.
    """
    insert = import_module(f"sqlalchemy.dialects.{bind.dialect.name}").insert
    statement = insert(_TABLE).values(values)
    return statement.on_conflict_do_update(index_elements=[_TABLE.c.key], **changes)


def _keep(key, generation, found, valid_until):
    """Store the rows in a short transaction of their own; a newer generation stays."""
    values = {"key": key, "generation": generation, "rows": found, "valid_until": valid_until}
    statement = _upsert(
        db.engine,
        values,
        set_={name: value for name, value in values.items() if name != "key"},
        where=_TABLE.c.generation <= generation,
    )
    try:
        with db.engine.begin() as connection:
            connection.execute(statement)
    except OperationalError:  # SQLite busy with a writer: the next visit keeps them
        pass


# -- Watching writes ------------------------------------------------------------------


def _note_flush(session, _context):
    if session.info.get(CHANGED):
        return
    for instance in chain(session.new, session.deleted, session.dirty):
        if getattr(type(instance), "__tablename__", None) not in WATCHED:
            continue
        if instance in session.dirty and not session.is_modified(instance):
            continue
        session.info[CHANGED] = True
        return


def _note_statement(state):
    """Bulk ``insert()``/``update()``/``delete()`` statements pass the ORM's flush by."""
    writes = state.is_insert or state.is_update or state.is_delete
    if writes and state.statement.table.name in WATCHED:
        state.session.info[CHANGED] = True


def _move_on(session):
    if session.new or session.dirty or session.deleted:
        session.flush()  # the commit would flush next: note those changes now
    if session.info.pop(CHANGED, False):
        bump = _upsert(
            session.get_bind(),
            {"key": GENERATION, "generation": 1},
            set_={"generation": _TABLE.c.generation + 1},
        )
        session.execute(bump)


def _forget(session, *_args):
    session.info.pop(CHANGED, None)


event.listen(db.session, "after_flush", _note_flush)
event.listen(db.session, "do_orm_execute", _note_statement)
event.listen(db.session, "before_commit", _move_on)
event.listen(db.session, "after_rollback", _forget)
event.listen(db.session, "after_soft_rollback", _forget)
