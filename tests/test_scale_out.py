"""Two app servers on one PostgreSQL database: no state lives in a process.

Each server is its own gunicorn (own port, own workers), as behind a load balancer.
A facilitator drives the timer through one; a participant polling the other sees
every step in the next poll, with the same deadline. With ``LEERNET_REDIS_URL`` the
token routes' limit counts requests through both servers together. SQLite serves one machine,
so these tests run on PostgreSQL only (DATABASE_URL); the rate-limit test needs a Redis
server (LEERNET_TEST_REDIS_URL, default database 15 on the local one, which it empties).
"""

import os
from contextlib import ExitStack

import pytest
import redis

from bench.client import Session
from bench.server import Server

from . import factories
from . import intervision_world as iw
from .load_registry import HTMX, data, sqlite_file

REDIS_URL = os.environ.get("LEERNET_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def postgres(app):
    if sqlite_file(app):
        pytest.skip("scale-out runs several app servers on PostgreSQL; set DATABASE_URL")
    return app


@pytest.fixture
def shared_redis():
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    try:
        client.flushdb()  # no counters left from an earlier run
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"no Redis at {REDIS_URL} ({error}); .ci/run starts one")
    yield REDIS_URL
    client.flushdb()
    client.close()


def two_servers(stack, app, log_dir, **settings):
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    return [
        stack.enter_context(Server(url, log_dir / f"gunicorn-{name}.log", **settings))
        for name in ("a", "b")
    ]


def login(server, world, who):
    return Session(server.url).login(world["emails"][who], factories.PASSWORD)


def clock(page):
    """What a phone counts down from: status, version, and the deadline or, while the
    clock stands still, the time left."""
    status = page.split('data-status="')[1].split('"')[0]
    moment = data(page, "deadline") if status == "running" else data(page, "remaining")
    return status, data(page, "version"), moment


def test_a_phone_on_one_server_follows_the_timer_driven_through_another(postgres, tmp_path):
    with postgres.app_context():
        world = iw.build()
    state = f"/intervision/{world['session_id']}/state"
    with ExitStack() as stack:
        a, b = two_servers(stack, postgres, tmp_path)
        facilitator, phone = login(a, world, "facilitator"), login(b, world, "plain")
        version = 0
        assert phone.get(f"{state}?v={version}").status == 204
        for action in ("start", "pause", "add_minute", "resume", "next", "back", "finish"):
            fields = {"action": action, "version": version, "csrf_token": facilitator.csrf_token}
            pressed = facilitator.request("POST", f"/intervision/{world['session_id']}/timer",
                                          fields, HTMX)  # fmt: skip
            assert pressed.status == 200, action
            seen = phone.get(f"{state}?v={version}")
            assert seen.status == 200, action  # the finish too: phones wait for the reflection
            assert clock(seen.text) == clock(pressed.text), action
            version = clock(pressed.text)[1]
            assert version == clock(seen.text)[1] and version > 0
            assert phone.get(f"{state}?v={version}").status == 204


def test_the_token_limit_counts_requests_through_both_servers(postgres, shared_redis, tmp_path):
    """Failed logins are counted in the database (tests/test_trust.py, door 9); the limits on
    the token routes (setup, join, password reset) count in Redis."""
    limit = 6
    with postgres.app_context():
        factories.network()
    with ExitStack() as stack:
        servers = two_servers(stack, postgres, tmp_path, REDIS_URL=shared_redis,
                              TOKEN_LIMIT=f"{limit} per minute")  # fmt: skip
        visitors = [Session(server.url) for server in servers]
        asking = {"email": "niemand@example.org"}
        statuses = [
            visitors[n % 2].post("/password/forgot", asking).status for n in range(limit + 2)
        ]
    assert statuses[:limit] == [303] * limit  # each server saw only half of these
    assert statuses[limit:] == [429, 429]
