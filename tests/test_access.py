"""The access matrix: every route, asked by every kind of visitor, answers per its policy."""

import pytest

from leernet.access import COORDINATOR, MEMBER, PUBLIC

from . import factories, world
from .routes import every_route


@pytest.fixture
def walk(app):
    with app.app_context():
        people, values = world.build()
    return people, values


def client_as(app, people, role):
    client = app.test_client()
    if role != "anonymous":
        client.post("/login", data={"email": people[role], "password": factories.PASSWORD})
    return client


def expected(policy, role, endpoint=""):
    """ "ok", "login" or "forbidden" for this visitor under this policy."""
    if policy.level == PUBLIC:
        return "ok"
    if role == "anonymous":
        return "login"
    if policy.level == COORDINATOR and role != "coordinator":
        return "forbidden"
    if endpoint in world.REFUSED.get(role, ()):
        return "forbidden"
    return "ok"


def outcome(response):
    location = response.headers.get("Location", "")
    if response.status_code in (301, 302, 303) and location.startswith("/login"):
        return "login"
    if response.status_code in (401, 403):
        return "forbidden"
    return "ok"


def test_every_route_declares_a_policy(app):
    undeclared = [
        rule.rule
        for rule in app.url_map.iter_rules()
        if getattr(app.view_functions[rule.endpoint], "access_policy", None) is None
    ]
    assert undeclared == [], f"routes without an access policy: {undeclared}"


@pytest.mark.parametrize("role", world.ROLES)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_access_matrix(app, walk, role, method):
    people, values = walk
    client = client_as(app, people, role)
    wrong = []
    for endpoint, url, policy in every_route(app, values, method):
        if endpoint == "auth.logout" and role != "anonymous":
            continue  # logging out would end the rest of this walk
        response = client.get(url) if method == "GET" else client.post(url, data={})
        assert response.status_code < 500, f"{method} {url} as {role}: {response.status_code}"
        if (got := outcome(response)) != (want := expected(policy, role, endpoint)):
            wrong.append(
                f"{method} {url} as {role}: expected {want}, got {got} ({response.status_code})"
            )
    assert wrong == [], "\n".join(wrong)


def test_policy_levels_are_known(app):
    levels = {v.access_policy.level for v in app.view_functions.values()}
    assert levels <= {PUBLIC, MEMBER, COORDINATOR}
