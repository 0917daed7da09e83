"""Every main page stays within 12 SQL statements, however much data the network holds."""

import pytest

from leernet import create_app
from leernet.extensions import db
from leernet.measure import QUERY_COUNT_HEADER
from leernet.timeutil import utcnow

from . import factories, world
from .conftest import Client, app_config
from .main_pages import MAIN_PAGES

LIMIT = 12


@pytest.fixture
def counting_app(app, tmp_path):
    counting = create_app(
        {**app_config(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path), "COUNT_QUERIES": True}
    )
    counting.test_client_class = Client
    yield counting
    with counting.app_context():
        db.engine.dispose()


def query_counts(app, people, values):
    counts = {}
    for page in MAIN_PAGES:
        client = app.test_client()
        if page.role != "anonymous":
            client.post("/login", data={"email": people[page.role], "password": factories.PASSWORD})
        response = client.get(page.url(values))
        assert response.status_code == 200, f"{page.name}: {response.status_code}"
        counts[page.name] = int(response.headers[QUERY_COUNT_HEADER])
    return counts


def grow_network(size):
    """More of everything a main page lists: members, used and open invitations."""
    for n in range(size):
        member = factories.user(f"Extra Lid {n}", tags=f"subsidies, onderwerp {n % 7}")
        factories.invitation(name=f"Gebruikt {n}", used_at=utcnow(), used_by_id=member.id)
        factories.invitation(name=f"Uitgenodigd {n}")


def test_main_pages_stay_few_and_independent_of_data_size(counting_app):
    with counting_app.app_context():
        people, values = world.build()
        grow_network(2)
    small = query_counts(counting_app, people, values)
    assert max(small.values()) <= LIMIT, small
    with counting_app.app_context():
        grow_network(40)
    assert query_counts(counting_app, people, values) == small


def test_hooks_are_off_unless_asked(client):
    assert client.get("/bench/ping").status_code == 404
    assert QUERY_COUNT_HEADER not in client.get("/login").headers


def test_bench_ping_is_trivial_and_public(app, tmp_path):
    bench = create_app(
        {
            **app_config(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path),
            "BENCH": True,
            "COUNT_QUERIES": True,
        }
    )
    response = bench.test_client().get("/bench/ping")
    assert response.status_code == 200 and response.get_data() == b"pong"
    assert response.headers[QUERY_COUNT_HEADER] == "0"
