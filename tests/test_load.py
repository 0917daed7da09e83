"""Under load, and through a ``kill -9``: zero 5xx, and every acknowledged write kept.

100 pollers (every two seconds, as htmx polls) and the writers of ``load_registry`` run
against gunicorn with several workers, on the test database: SQLite, or PostgreSQL
when DATABASE_URL is set. LEERNET_LOAD_SECONDS sets how long (default 5; 30 for the
long run). PostgreSQL recovers from a crash through its own WAL; on SQLite the test
also runs the integrity and foreign-key checks after the crash.
"""

import os
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass
from functools import partial
from http.client import HTTPException

import pytest
from sqlalchemy.engine import make_url

from bench.client import Session
from bench.server import Server
from leernet.backup import backup
from leernet.extensions import db

from . import factories
from .load_registry import POLLERS, WRITERS, Attempts

SECONDS = float(os.environ.get("LEERNET_LOAD_SECONDS", "5"))
POLLER_COUNT = 100
THREADS_PER_WRITER = 2
POLL_EVERY = 2.0
FINE = {200, 204, 286, 303, 304}


@dataclass
class Crowd:
    coordinator: tuple
    members: list

    @property
    def member_ids(self):
        return [member_id for member_id, _email in self.members]


@pytest.fixture
def crowd(app):
    with app.app_context():
        factories.network()
        coordinator = factories.user("Coördinator", coordinator=True)
        members = [factories.user(f"Lid {n}") for n in range(THREADS_PER_WRITER * len(WRITERS) + 5)]
        return Crowd((coordinator.id, coordinator.email), [(m.id, m.email) for m in members])


def server_for(app, log_dir):
    return Server(
        app.config["SQLALCHEMY_DATABASE_URI"],
        log_dir / "gunicorn.log",
        workers=3,
        LOGIN_LIMIT="100000 per minute",
    )


class Load:
    """Pollers and writers in threads, counting every answer, until ``finish``."""

    def __init__(self, url, crowd):
        self.url, self.crowd = url, crowd
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.answers = Counter()
        self.attempts = {name: [] for name in WRITERS}
        self.threads = []

    def login(self, user):
        user_id, email = user
        return Session(self.url).login(email, factories.PASSWORD)

    def start(self):
        readers = [self.login(member) for member in self.crowd.members[:5]]
        paths = [poll(self.crowd) for poll in POLLERS.values()]
        for n in range(POLLER_COUNT):
            session = Session(self.url)
            session.cookies = dict(readers[n % len(readers)].cookies)
            delay = POLL_EVERY * n / POLLER_COUNT
            self._spawn(self._poll, session, paths[n % len(paths)], delay)
        writers = iter(self.crowd.members[5:])
        for name, kind in WRITERS.items():
            for _ in range(THREADS_PER_WRITER):
                user = self.crowd.coordinator if kind.role == "coordinator" else next(writers)
                attempts = Attempts(user[0])
                self.attempts[name].append(attempts)
                self._spawn(self._write, kind, self.login(user), attempts)
        return self

    def _spawn(self, target, *args):
        thread = threading.Thread(target=target, args=args, daemon=True)
        self.threads.append(thread)
        thread.start()

    def _count(self, request):
        try:
            status = request().status
        except (OSError, HTTPException):  # refused, reset or cut off: not served
            status = "no answer"
        with self.lock:
            self.answers[status] += 1
        return status

    def _poll(self, session, path, delay):
        self.stopping.wait(delay)
        while not self.stopping.is_set():
            started = time.monotonic()
            self._count(partial(session.get, path))
            self.stopping.wait(max(0.0, POLL_EVERY - (time.monotonic() - started)))

    def _write(self, kind, session, attempts):
        n = 0
        while not self.stopping.is_set():
            token = f"{kind.__name__}-{attempts.user_id}-{len(self.threads)}-{n}"
            attempts.tried.append(token)
            if self._count(partial(kind.write, session, token, self.crowd)) == 303:
                attempts.acknowledged.append(token)
            n += 1
            self.stopping.wait(0.02)

    def finish(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(20)
        return self

    def missing_writes(self, app):
        with app.app_context():
            db.session.remove()
            return {
                name: missing
                for name, kind in WRITERS.items()
                if (missing := kind.verify(self.attempts[name]))
            }

    def acknowledged(self):
        return sum(len(a.acknowledged) for attempts in self.attempts.values() for a in attempts)


def sqlite_file(app):
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    return url.database if url.get_backend_name() == "sqlite" else None


def integrity_problems(path):
    with sqlite3.connect(path) as connection:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        problems += [str(row) for row in connection.execute("PRAGMA foreign_key_check")]
    return [] if problems == ["ok"] else problems


def test_pollers_and_writers_get_no_5xx_and_lose_nothing(app, crowd, tmp_path):
    with server_for(app, tmp_path) as server:
        load = Load(server.url, crowd).start()
        time.sleep(SECONDS / 2)
        copy = tmp_path / "during-load.backup"
        backup(app.config["SQLALCHEMY_DATABASE_URI"], copy)
        time.sleep(SECONDS / 2)
        load.finish()
    assert set(load.answers) <= FINE, load.answers
    assert load.answers[200] >= POLLER_COUNT, "every poller was answered"
    assert load.acknowledged() >= len(WRITERS) * THREADS_PER_WRITER
    assert load.missing_writes(app) == {}
    if sqlite_file(app):
        assert integrity_problems(copy) == []
    else:
        assert copy.read_bytes()[:5] == b"PGDMP"


def test_kill_9_mid_load_loses_nothing_acknowledged(app, crowd, tmp_path):
    server = server_for(app, tmp_path).start()
    try:
        load = Load(server.url, crowd).start()
        time.sleep(SECONDS / 2)
        server.kill()
        time.sleep(0.5)
        load.finish()
    finally:
        server.stop()
    served = {status for status in load.answers if status != "no answer"}
    assert served <= FINE, load.answers
    assert load.acknowledged() > 0
    if sqlite_file(app):
        assert integrity_problems(sqlite_file(app)) == []
    with server_for(app, tmp_path) as restarted:
        member = Session(restarted.url).login(crowd.members[0][1], factories.PASSWORD)
        for poll in POLLERS.values():
            assert member.get(poll(crowd)).status == 200
    assert load.missing_writes(app) == {}
