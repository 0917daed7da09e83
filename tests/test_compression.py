"""Compression per Accept-Encoding, and the responses that must stay as they are."""

import gzip
import re

import brotli
import pytest
from flask import Response

from leernet.access import PUBLIC, access
from leernet.extensions import db

from . import factories
from . import intervision_world as iw
from .conftest import login_as

CHROME = "gzip, deflate, br, zstd"
STATIC = re.compile(r'(?:href|src)="(/static/[^"]+\.(?:css|js)\?v=[^"]+)"')
DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}


def decoded(response):
    encoding = response.headers.get("Content-Encoding")
    return DECODE[encoding](response.data) if encoding else response.data


@pytest.mark.parametrize(
    ("accept", "expected"),
    [(CHROME, "br"), ("gzip, deflate", "gzip"), ("br;q=0.5, gzip", "gzip"), ("", None),
     ("identity", None), ("zstd", None)],
)  # fmt: skip
def test_pages_and_assets_are_compressed_as_the_browser_asks(client, network, accept, expected):
    page = client.get("/login", headers={"Accept-Encoding": accept})
    assert page.status_code == 200
    assert page.headers.get("Content-Encoding") == expected
    assert "Accept-Encoding" in page.headers["Vary"]
    assert b"</html>" in decoded(page)
    assets = STATIC.findall(decoded(page).decode())
    assert len(assets) >= 3  # the stylesheet, htmx and app.js
    for link in assets:
        asset = client.get(link, headers={"Accept-Encoding": accept})
        assert asset.status_code == 200
        assert asset.headers.get("Content-Encoding") == expected, link
        plain = client.get(link, headers={"Accept-Encoding": "identity"}).data
        assert decoded(asset) == plain and len(plain) > 1000
        if expected:
            assert len(asset.data) < len(plain) / 2, link


def test_fingerprinted_assets_are_kept_a_year_without_revalidating(client, network):
    page = client.get("/login", headers={"Accept-Encoding": CHROME})
    for link in STATIC.findall(decoded(page).decode()):
        cache = client.get(link, headers={"Accept-Encoding": CHROME}).cache_control
        assert cache.public and cache.immutable and cache.max_age == 31536000, link
        assert not cache.no_cache and not cache.no_store, link


def test_private_pages_are_never_cached_publicly(client, people):
    login_as(client, people, "member")
    for url in ("/", "/meetings/", "/members/me"):
        response = client.get(url, headers={"Accept-Encoding": CHROME})
        assert response.status_code == 200, url
        cache = response.cache_control
        assert not cache.public and not cache.immutable and not cache.max_age, url


def test_pages_with_a_secret_beside_chosen_text_are_not_compressed(app, client, people):
    """BREACH: compressed, their size would give the secret away a guess at a time."""
    with app.app_context():
        invitation = factories.invitation(name="Dirk <guess>")
        db.session.commit()
        pages = [f"/admin/invitations/{invitation.id}", "/admin/outbox",
                 f"/admin/invitations/{invitation.id}/qr.svg"]  # fmt: skip
    login_as(client, people, "coordinator")
    for url in pages:
        response = client.get(url, headers={"Accept-Encoding": CHROME})
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response.headers, url
    login_as(client, people, "member")
    calendar = client.get("/calendar/", headers={"Accept-Encoding": CHROME})
    assert calendar.status_code == 200 and "/calendar/" in calendar.get_data(as_text=True)
    assert "Content-Encoding" not in calendar.headers


def test_the_timer_poll_keeps_its_etag_and_304_whatever_the_encoding(app, client):
    with app.app_context():
        world = iw.build()
    iw.login(client, world, "timekeeper")
    iw.control(client, world, "start")
    state = iw.url(world, "/state")
    changed = client.get(state + "?v=0", headers={"Accept-Encoding": CHROME, "HX-Request": "true"})
    assert changed.status_code == 200 and "Content-Encoding" not in changed.headers
    assert changed.headers["ETag"] == '"1"'
    again = client.get(state, headers={"Accept-Encoding": CHROME, "If-None-Match": '"1"'})
    assert again.status_code == 304
    assert client.get(state, headers={"Accept-Encoding": CHROME}).status_code == 200


def test_a_response_already_encoded_is_left_as_it_is(app, client, network):
    """What a proxy in front relies on too: Content-Encoding set means done."""
    body = gzip.compress(b"<p>leernet</p>" * 200)

    @access(PUBLIC)
    def encoded():
        return Response(body, mimetype="text/html", headers={"Content-Encoding": "gzip"})

    app.add_url_rule("/encoded", view_func=encoded)
    response = client.get("/encoded", headers={"Accept-Encoding": CHROME})
    assert response.headers["Content-Encoding"] == "gzip" and response.data == body
