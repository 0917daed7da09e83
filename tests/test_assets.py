"""Static files: fingerprinted URLs cached for a year; anything else revalidates."""

import hashlib
import re
from pathlib import Path

from . import factories

STATIC = Path(__file__).parent.parent / "leernet" / "static"
LINKED = re.compile(r'(?:href|src)="(/static/[^"]+)"')


def test_every_static_link_carries_the_content_hash(client):
    links = LINKED.findall(client.get("/login").get_data(as_text=True))
    assert any("css/app.css" in link for link in links) and any("app.js" in link for link in links)
    for link in links:
        path, _, version = link.partition("?v=")
        content = (STATIC / path.removeprefix("/static/")).read_bytes()
        assert version == hashlib.sha256(content).hexdigest()[:12], link


def test_fingerprinted_file_is_immutable(client):
    link = next(
        x for x in LINKED.findall(client.get("/login").get_data(as_text=True)) if "app.css" in x
    )
    response = client.get(link)
    assert response.status_code == 200
    cache = response.cache_control
    assert cache.public and cache.immutable and cache.max_age == 31536000


def test_stale_or_missing_hash_revalidates(client):
    for url in ("/static/css/app.css", "/static/css/app.css?v=000000000000"):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cache_control.immutable and not response.cache_control.max_age


def test_missing_file_is_a_404(client):
    assert client.get("/static/nope.css?v=1").status_code == 404


def test_static_files_for_a_member_carry_no_cookie(client, people):
    """Public and kept for a year: no Set-Cookie a shared cache could hand on, and no
    ``Vary: Cookie`` that a re-signed session cookie would turn into a fresh download."""
    client.post(  # "keep me logged in": a session that slides its expiry with each page
        "/login",
        data={"email": people["member"][1], "password": factories.PASSWORD, "remember": "y"},
    )
    link = next(x for x in LINKED.findall(client.get("/").get_data(as_text=True)) if "app.js" in x)
    response = client.get(link)
    assert response.status_code == 200 and response.cache_control.immutable
    assert "Set-Cookie" not in response.headers
    assert "Cookie" not in response.headers.get("Vary", "")
    assert "Set-Cookie" in client.get("/").headers, "pages still slide the session's expiry"


def test_compressible_files_are_compressed_once_and_revalidate_per_encoding(client):
    link = next(
        x for x in LINKED.findall(client.get("/login").get_data(as_text=True)) if "app.css" in x
    )
    plain = (STATIC / "css" / "app.css").read_bytes()
    url = link.partition("?")[0]  # unfingerprinted: revalidated on every use
    tags = set()
    for encoding in ("br", "gzip"):
        first = client.get(url, headers={"Accept-Encoding": encoding})
        second = client.get(url, headers={"Accept-Encoding": encoding})
        assert first.headers["Content-Encoding"] == encoding
        assert first.data == second.data and len(first.data) < len(plain) / 3
        assert int(first.headers["Content-Length"]) == len(first.data)
        tags.add(first.headers["ETag"])
        again = client.get(url, headers={"Accept-Encoding": encoding,
                                         "If-None-Match": first.headers["ETag"]})  # fmt: skip
        assert again.status_code == 304
    assert len(tags) == 2, "each encoding has its own validator"
