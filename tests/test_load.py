"""Under load, and through a ``kill -9``: zero 5xx, and every acknowledged write kept.

100 pollers of a running intervision session's state (every two seconds, as htmx
polls) and the writers of ``load_registry`` run against gunicorn with several workers,
on the test database: SQLite, or PostgreSQL when DATABASE_URL is set.
LEERNET_LOAD_SECONDS sets how long (default 5; 30 for the long run; ``-s`` shows the
figures). PostgreSQL recovers from a crash through its own WAL; on SQLite the test also
runs the integrity and foreign-key checks after the crash. After the restart the
session's timer shows the remaining time the phase's start and time box give.
"""

import os
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from http.client import HTTPException

import pytest

from bench.client import Session
from bench.server import Server
from leernet.backup import backup
from leernet.extensions import db
from leernet.intervision.plans import Plan
from leernet.timeutil import utcnow

from . import factories
from .load_registry import HTMX, POLLERS, WRITERS, Attempts, data, live_timer_state, sqlite_file

SECONDS = float(os.environ.get("LEERNET_LOAD_SECONDS", "5"))
POLLER_COUNT = 100
THREADS_PER_WRITER = 2
POLL_EVERY = 2.0
POLL_ANSWERS = {200, 204, 286}
NO_ANSWER = "no answer"
PARTICIPANTS = 5  # the first members: they poll the session, the rest write
ROLES = ("facilitator", "case_bringer", "timekeeper", "minute_taker")


@dataclass
class Crowd:
    coordinator: tuple
    members: list
    session_id: int = 0
    session_version: int = 0
    #: When the session's current phase started (aware UTC) and its time box in seconds.
    phase_started: datetime | None = None
    phase_seconds: int = 0
    places: dict = field(default_factory=dict)

    @property
    def member_ids(self):
        return [member_id for member_id, _email in self.members]


def running_session(members):
    """A session started a minute ago in a meeting going on now; ``members`` take part."""
    meeting = factories.meeting("Intervisie", days=0, hours=3)
    meeting.starts_at -= timedelta(minutes=30)
    started = utcnow() - timedelta(minutes=1)
    return factories.intervision(
        meeting,
        members,
        roles=dict(zip(ROLES, members, strict=False)),
        status="running",
        started_at=started,
        version=1,
    )


@pytest.fixture
def crowd(app):
    with app.app_context():
        factories.network()
        coordinator = factories.user("Coördinator", coordinator=True)
        count = THREADS_PER_WRITER * len(WRITERS) + PARTICIPANTS
        members = [factories.user(f"Lid {n}") for n in range(count)]
        session = running_session(members[:PARTICIPANTS])
        found = Crowd(
            (coordinator.id, coordinator.email),
            [(m.id, m.email) for m in members],
            session_id=session.id,
            session_version=session.version,
            phase_started=session.started_at,
            phase_seconds=Plan(session.plan).durations[session.phase],
        )
        for kind in WRITERS.values():
            if hasattr(kind, "prepare"):
                found.places[kind] = kind.prepare(found)
        return found


def server_for(app, log_dir):
    return Server(
        app.config["SQLALCHEMY_DATABASE_URI"],
        log_dir / "gunicorn.log",
        workers=3,
    )


class Load:
    """Pollers and writers in threads, counting every answer, until ``finish``."""

    def __init__(self, url, crowd):
        self.url, self.crowd = url, crowd
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.answers = Counter()
        self.unexpected = Counter()  # (who, status): anything but a correct answer
        self.silent_pollers = 0
        self.attempts = {name: [] for name in WRITERS}
        self.threads = []

    def login(self, user):
        _user_id, email = user
        return Session(self.url).login(email, factories.PASSWORD)

    def start(self):
        readers = [self.login(member) for member in self.crowd.members[:PARTICIPANTS]]
        paths = [poll(self.crowd) for poll in POLLERS.values()]
        for n in range(POLLER_COUNT):
            session = Session(self.url)
            session.cookies = dict(readers[n % len(readers)].cookies)
            delay = POLL_EVERY * n / POLLER_COUNT
            self._spawn(self._poll, session, paths[n % len(paths)], delay)
        writers = iter(self.crowd.members[PARTICIPANTS:])
        for name, kind in WRITERS.items():
            for _ in range(THREADS_PER_WRITER):
                user = self.crowd.coordinator if kind.role == "coordinator" else next(writers)
                attempts = Attempts(user[0])
                self.attempts[name].append(attempts)
                self._spawn(self._write, name, kind, self.login(user), attempts)
        return self

    def _spawn(self, target, *args):
        thread = threading.Thread(target=target, args=args, daemon=True)
        self.threads.append(thread)
        thread.start()

    def _count(self, who, expected, request):
        try:
            status = request().status
        except (OSError, HTTPException):  # refused, reset or cut off: not served
            status = NO_ANSWER
        with self.lock:
            self.answers[status] += 1
            if status not in expected:
                self.unexpected[(who, status)] += 1
        return status

    def _poll(self, session, path, delay):
        self.stopping.wait(delay)
        answered = 0
        while not self.stopping.is_set():
            started = time.monotonic()
            answered += self._count("poller", POLL_ANSWERS, partial(session.get, path)) != NO_ANSWER
            self.stopping.wait(max(0.0, POLL_EVERY - (time.monotonic() - started)))
        if not answered:
            with self.lock:
                self.silent_pollers += 1

    def _write(self, name, kind, session, attempts):
        expected = {kind.acknowledged, *kind.refused}
        n = 0
        while not self.stopping.is_set():
            token = f"{kind.__name__}-{attempts.user_id}-{len(self.threads)}-{n}"
            attempts.tried.append(token)
            write = partial(kind.write, session, token, self.crowd)
            if self._count(name, expected, write) == kind.acknowledged:
                attempts.acknowledged.append(token)
            n += 1
            self.stopping.wait(0.02)

    def finish(self):
        self.stopping.set()
        for thread in self.threads:
            thread.join(20)
        print(self.figures())
        return self

    def missing_writes(self, app):
        with app.app_context():
            db.session.remove()
            return {
                name: missing
                for name, kind in WRITERS.items()
                if (missing := kind.verify(self.attempts[name]))
            }

    def acknowledged(self, name=None):
        names = [name] if name else list(self.attempts)
        return sum(len(thread.acknowledged) for n in names for thread in self.attempts[n])

    def server_errors(self):
        return sum(count for status, count in self.answers.items() if str(status)[0] == "5")

    def figures(self):
        writes = ", ".join(
            f"{name} {self.acknowledged(name)}/{sum(len(t.tried) for t in threads)}"
            for name, threads in self.attempts.items()
        )
        return (
            f"\nload {SECONDS:g} s: {sum(self.answers.values())} requests {dict(self.answers)}; "
            f"writes acknowledged/tried: {writes}; 5xx: {self.server_errors()}"
        )


def integrity_problems(path):
    with sqlite3.connect(path) as connection:
        problems = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        problems += [str(row) for row in connection.execute("PRAGMA foreign_key_check")]
    return [] if problems == ["ok"] else problems


def press(session, crowd, action):
    """A timer control by the facilitator, as the phone sends it; returns the new version."""
    path = f"/intervision/{crowd.session_id}/timer"
    fields = {"action": action, "version": crowd.session_version, "csrf_token": session.csrf_token}
    response = session.request("POST", path, fields, HTMX)
    assert response.status == 200 and data(response.text, "version") == crowd.session_version + 1
    return crowd.session_version + 1


def timer_error(session, crowd, extra_seconds):
    """How far the remaining time the server shows is from the phase's start and time box."""
    before = time.time()
    response = session.get(f"/intervision/{crowd.session_id}/state")
    after = time.time()
    assert response.status == 200, response.status
    server_now = data(response.text, "server-now") / 1000
    assert before - 1 <= server_now <= after + 1, "the server's clock is the machine's"
    ran = server_now - crowd.phase_started.timestamp()
    expected = crowd.phase_seconds + extra_seconds - ran
    return abs(data(response.text, "remaining") / 1000 - expected)


def test_pollers_and_writers_get_no_5xx_and_lose_nothing(app, crowd, tmp_path):
    with server_for(app, tmp_path) as server:
        load = Load(server.url, crowd).start()
        time.sleep(SECONDS / 2)
        copy = tmp_path / "during-load.backup"
        backup(app.config["SQLALCHEMY_DATABASE_URI"], copy)
        time.sleep(SECONDS / 2)
        load.finish()
    assert load.server_errors() == 0, load.answers
    assert load.unexpected == {}, load.unexpected
    assert load.answers[204] >= POLLER_COUNT and load.silent_pollers == 0
    for name in WRITERS:
        assert load.acknowledged(name) >= THREADS_PER_WRITER, name
    assert load.missing_writes(app) == {}
    if sqlite_file(app):
        assert integrity_problems(copy) == []
    else:
        assert copy.read_bytes()[:5] == b"PGDMP"


def test_kill_9_mid_load_loses_nothing_and_the_timer_resumes_right(app, crowd, tmp_path):
    server = server_for(app, tmp_path).start()
    try:
        facilitator = Session(server.url).login(crowd.members[0][1], factories.PASSWORD)
        crowd.session_version = press(facilitator, crowd, "add_minute")
        load = Load(server.url, crowd).start()
        time.sleep(SECONDS / 2)
        server.kill()
        time.sleep(0.5)
        load.finish()
    finally:
        server.stop()
    assert {status for who, status in load.unexpected} <= {NO_ANSWER}, load.unexpected
    assert load.acknowledged() > 0
    if sqlite_file(app):
        assert integrity_problems(sqlite_file(app)) == []
    with server_for(app, tmp_path) as restarted:
        member = Session(restarted.url).login(crowd.members[1][1], factories.PASSWORD)
        assert timer_error(member, crowd, extra_seconds=60) <= 1.0
        assert member.get(live_timer_state(crowd)).status == 204, "the same version as before"
    assert load.missing_writes(app) == {}
