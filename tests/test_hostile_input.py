"""Hostile input on every POST route, and an XSS corpus in every text field.

Both walk ``app.url_map``, so routes added later are covered without new test code.
"""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from . import factories, world
from .html_forms import forms_in
from .routes import every_route

PAYLOADS = [
    "' OR 1=1 --",
    "'); DROP TABLE user; --",
    "<script>alert(1)</script>",
    "\x00\x01\x02",
    "💥" * 50,
    "ｆｕｌｌｗｉｄｔｈ",
    "a" * 100_000,
    "../../../etc/passwd",
    "%s%n%x",
    "-1",
    "99999999999999999999999",
    "2026-02-30",
    "javascript:alert(1)",
    "",
    " ",
]
COMMON_NAMES = [
    "name",
    "email",
    "password",
    "confirm",
    "token",
    "next",
    "language",
    "q",
    "title",
    "body",
    "id",
    "page",
    "csrf_token",
]

values_strategy = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=300),
    st.integers().map(str),
    st.lists(st.text(max_size=20), max_size=3),
)


def field_names(client, url):
    response = client.get(url)
    names = set(COMMON_NAMES)
    if response.status_code == 200:
        for form in forms_in(response.get_data(as_text=True)):
            names.update(form.fields)
    return sorted(names - {"csrf_token"})


@pytest.mark.parametrize("role", ["anonymous", "coordinator"])
def test_no_post_route_answers_500(app, role):
    with app.app_context():
        people, values = world.build()
    client = app.test_client()
    for endpoint, url, _policy in every_route(app, values, "POST"):
        if role == "coordinator":
            client.post("/logout")
            client.post(
                "/login", data={"email": people["coordinator"], "password": factories.PASSWORD}
            )
        token = client.csrf_token()
        names = field_names(client, url)

        @settings(
            max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        @given(
            data=st.dictionaries(
                st.sampled_from(names) | st.text(max_size=10), values_strategy, max_size=8
            )
        )
        def fuzz(data):
            data = {key: value for key, value in data.items() if key != "csrf_token"}
            data["csrf_token"] = token  # noqa: B023 - fuzz runs within this iteration
            response = client.post(url, data=data, csrf=False)  # noqa: B023
            assert response.status_code < 500, f"{endpoint} {url}: {response.status_code}"  # noqa: B023

        fuzz()
        garbage = client.post(
            url,
            data=b"\xff\xfe{not a form",
            csrf=False,
            content_type="application/x-www-form-urlencoded",
        )
        assert garbage.status_code < 500


XSS = [
    '<script>alert("xss")</script>',
    '"><img src=x onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "javascript:alert(1)//",
]
RAW = re.compile(r"<script>alert|<img src=x onerror|<svg onload", re.I)


def test_xss_corpus_comes_back_escaped(app):
    """Type the corpus into every text field of every form, then read every page."""
    with app.app_context():
        people, values = world.build()
    clients = {}
    for role in ("coordinator", "member"):
        clients[role] = app.test_client()
        clients[role].post("/login", data={"email": people[role], "password": factories.PASSWORD})
    for client in clients.values():
        for _endpoint, url, _policy in every_route(app, values, "GET"):
            page = client.get(url)
            if page.status_code != 200 or page.mimetype != "text/html":
                continue
            for form in forms_in(page.get_data(as_text=True)):
                if form.method != "post" or not form.text_fields:
                    continue
                if "logout" in form.action or "erase" in form.action:
                    continue
                for payload in XSS:
                    data = form.values()
                    for name in form.text_fields:
                        if name != "csrf_token":
                            data[name] = payload
                    client.post(form.action or url, data=data, csrf=False)
    for client in clients.values():
        for _endpoint, url, _policy in every_route(app, values, "GET"):
            body = client.get(url).get_data(as_text=True)
            assert not RAW.search(body), f"unescaped XSS payload on {url} as {role}"
