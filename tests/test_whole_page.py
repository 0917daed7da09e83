"""Every ``go()`` lands on a whole page: header, navigation and footer (issue 14, part 1).

htmx answers ``HX-Location`` with a GET of its own. Were it a plain htmx request,
``render()`` would send only a fragment and the page would lose its frame until a reload.
"""

import json
import re
from pathlib import Path

import pytest

from leernet.web import WHOLE_PAGE

from . import world
from .routes import every_route
from .test_access import client_as

FRAME = (
    '<header class="topbar"',
    '<nav class="topnav"',
    '<nav class="bottomnav"',
    '<footer class="footer"',
)


def follow(client, response):
    """The GET htmx makes for an ``HX-Location`` answer, with the headers it names."""
    spec = json.loads(response.headers["HX-Location"])
    headers = {"HX-Request": "true", **spec.get("headers", {})}
    return spec, client.get(spec["path"], headers=headers)


def test_go_asks_htmx_for_the_whole_page(client, people):
    from .conftest import login_as

    login_as(client, people, "member")
    response = client.post(
        "/language", data={"language": "en", "next": "/members/"}, headers={"HX-Request": "true"}
    )
    spec, page = follow(client, response)
    assert spec["target"] == "body" and spec["headers"] == {"HX-Boosted": "true"}
    assert spec["path"] == "/members/"
    assert all(part in page.text for part in FRAME)


@pytest.mark.parametrize("role", ["member", "coordinator"])
def test_every_page_htmx_is_sent_to_by_go_is_whole(app, role):
    """Any URL may be a ``go()`` target: each page asked for as ``go()`` asks is whole."""
    with app.app_context():
        people, values = world.build()
    client = client_as(app, people, role)
    broken = []
    for endpoint, url, _policy in every_route(app, values):
        if endpoint == "auth.logout":
            continue
        plain = client.get(url)
        if plain.status_code != 200 or plain.mimetype != "text/html" or FRAME[3] not in plain.text:
            continue  # not a page (a feed, a file, a fragment endpoint, a redirect)
        page = client.get(url, headers={"HX-Request": "true", **WHOLE_PAGE["headers"]})
        if not all(part in page.text for part in FRAME):
            broken.append(url)
    assert broken == []


@pytest.mark.parametrize("role", ["member", "coordinator"])
def test_every_post_that_goes_somewhere_lands_on_a_whole_page(app, role):
    """Each POST route, sent as a boosted form: any ``HX-Location`` it answers is whole."""
    with app.app_context():
        people, values = world.build()
    client = client_as(app, people, role)
    htmx = {"HX-Request": "true", "HX-Boosted": "true"}
    followed = []
    for endpoint, url, _policy in every_route(app, values, "POST"):
        if endpoint == "auth.logout":
            continue
        response = client.post(url, data={}, headers=htmx)
        if "HX-Location" not in response.headers:
            continue
        spec, page = follow(client, response)
        assert spec["target"] == "body", url
        if page.status_code == 200 and "<html" in page.text:
            assert all(part in page.text for part in FRAME), url
            followed.append(url)
    assert followed, "no POST answered with go(): the walk proves nothing"


def test_only_go_sends_htmx_elsewhere():
    """No view builds its own ``HX-Location``: the whole-page rule lives in ``go()`` alone."""
    package = Path(__file__).resolve().parent.parent / "leernet"
    own = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "web.py" and re.search(r"HX-Location|\blocation=", path.read_text())
    ]
    assert own == []
