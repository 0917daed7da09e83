"""Fixtures in the Flask tutorial's style: app, client, runner, auth.

The suite runs on SQLite by default and on PostgreSQL when ``DATABASE_URL`` is set
(``.ci/run`` does both). The schema comes from the Alembic migrations, once per run;
each test then starts from empty tables.
"""

import os
import re
import threading

import pytest
from flask.testing import FlaskClient
from sqlalchemy import text

from leernet import create_app
from leernet.config import database_url as configured_database_url
from leernet.extensions import db

from . import factories

#: The header htmx sends with each request: the app answers with a fragment.
HTMX = {"HX-Request": "true"}

TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')


class Client(FlaskClient):
    """A test client that sends the CSRF token like a browser would (unless csrf=False).

    It prefers English, so before setup (no network language yet) pages are in English.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"

    def csrf_token(self):
        page = self.get("/login").get_data(as_text=True)
        if "X-CSRFToken" not in page:
            page = self.get("/").get_data(as_text=True)
        return TOKEN.search(page).group(1)

    def post(self, *args, csrf=True, **kwargs):
        if csrf:
            data = kwargs.get("data")
            if data is None or isinstance(data, dict):
                data = dict(data or {})
                data.setdefault("csrf_token", self.csrf_token())
                kwargs["data"] = data
        return super().post(*args, **kwargs)


def app_config(url, instance):
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": url,
        "SECRET_KEY": "test-secret-key",
        "RATELIMIT_ENABLED": False,
        "ARGON2_TIME_COST": 1,
        "ARGON2_MEMORY_KIB": 1024,
        "SERVER_NAME": None,
        "UPLOAD_DIR": str(instance / "uploads"),
    }


@pytest.fixture(scope="session", autouse=True)
def no_timer_left_behind():
    """Cancel the ``threading.Timer`` that limits' in-memory storage leaves to expire its
    counters. It is no daemon, and under libfaketime (the suite run at another hour) its
    short wait never ends, so the test process would never exit."""
    yield
    for thread in threading.enumerate():
        if isinstance(thread, threading.Timer):
            thread.cancel()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    if os.environ.get("DATABASE_URL"):
        return configured_database_url("")
    return "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(scope="session")
def schema(database_url, tmp_path_factory):
    """Build the schema through the migrations, as ``make run`` does."""
    from flask_migrate import downgrade, upgrade

    app = create_app(app_config(database_url, tmp_path_factory.mktemp("instance")))
    with app.app_context():
        if database_url.startswith("postgresql"):
            downgrade(revision="base")  # a fresh schema even if a run was interrupted
        upgrade()
    return database_url


def empty_tables():
    tables = [t for t in reversed(db.metadata.sorted_tables)]
    for table in tables:
        db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app(schema, tmp_path):
    app = create_app(app_config(schema, tmp_path))
    app.test_client_class = Client
    with app.app_context():
        empty_tables()
    yield app
    with app.app_context():
        db.session.remove()
        empty_tables()
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def network(app):
    with app.app_context():
        return factories.network().id


class AuthActions:
    def __init__(self, client):
        self._client = client

    def login(self, email, password=factories.PASSWORD):
        return self._client.post("/login", data={"email": email, "password": password})

    def logout(self):
        return self._client.post("/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


@pytest.fixture
def people(app, network):
    """A coordinator and two members, by name: their ids and e-mail addresses."""
    with app.app_context():
        made = {
            "coordinator": factories.user("Anouk Coördinator", coordinator=True),
            "member": factories.user("Bram Lid", tags="subsidies, hr"),
            "other": factories.user("Chris Ander", tags="marketing"),
        }
        db.session.commit()
        return {key: (u.id, u.email) for key, u in made.items()}


@pytest.fixture
def world(app):
    """``tests/intervision_world.py``'s running meeting: seven people, five in one session."""
    from . import intervision_world as iw  # it imports login_as from here

    with app.app_context():
        return iw.build()


def login_as(client, people, who=None, password=factories.PASSWORD):
    """The suite's one login helper: log ``client`` in as ``people[who]`` (an
    ``(id, e-mail)`` pair as the ``people`` fixture holds, or an e-mail address), or, with
    no ``who``, as the e-mail address ``people``; whoever was logged in is logged out
    first. Returns the login's response."""
    email = people if who is None else people[who]
    email = email if isinstance(email, str) else email[1]
    client.post("/logout")
    return client.post("/login", data={"email": email, "password": password})


def count(model):
    return db.session.execute(text(f'SELECT count(*) FROM "{model.__tablename__}"')).scalar()
