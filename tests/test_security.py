"""Headers, cookies, hashing, rate limits and the health check."""

import pytest
from sqlalchemy import select

from leernet import create_app
from leernet.extensions import db
from leernet.members.models import User

from . import factories
from .conftest import app_config


def test_security_headers_and_csp(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    body = response.get_data(as_text=True)
    assert "<script>" not in body and " hx-on" not in body and "style=" not in body


def test_session_cookie_flags(app, client, people):
    response = client.post(
        "/login",
        data={"email": people["member"][1], "password": factories.PASSWORD, "remember": "y"},
    )
    cookies = response.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("session="))
    assert "HttpOnly" in session and "SameSite=Lax" in session and "Secure" not in session
    assert any(c.startswith("remember_token=") and "HttpOnly" in c for c in cookies)


def test_secure_cookies_behind_https(schema, tmp_path, monkeypatch):
    monkeypatch.setenv("LEERNET_HTTPS", "1")
    app = create_app(app_config(schema, tmp_path))
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert "Strict-Transport-Security" in app.test_client().get("/healthz").headers


def test_passwords_are_argon2id(app, people):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.id == people["member"][0]))
        assert user.password_hash.startswith("$argon2id$")


def test_secret_key_is_generated_into_instance(tmp_path, schema, monkeypatch):
    monkeypatch.delenv("LEERNET_SECRET_KEY", raising=False)
    config = app_config(schema, tmp_path)
    del config["SECRET_KEY"]
    first = create_app(config).config["SECRET_KEY"]
    assert len(first) == 64
    assert create_app(dict(config)).config["SECRET_KEY"] == first


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"app": "ok", "database": "ok"}


@pytest.mark.parametrize("path", ["/no/such/page", "/members/999999"])
def test_not_found_page_in_app_style(client, people, path):
    client.post("/login", data={"email": people["member"][1], "password": factories.PASSWORD})
    response = client.get(path)
    assert response.status_code == 404 and "Page not found" in response.get_data(as_text=True)


@pytest.mark.parametrize("where", ["query", "form", "key"])
def test_nul_bytes_are_refused_not_a_500(client, people, where):
    client.post("/login", data={"email": people["member"][1], "password": factories.PASSWORD})
    if where == "query":
        response = client.get("/members/?q=a%00b")
    else:
        data = {"na\x00me": "x"} if where == "key" else {"name": "a\x00b"}
        response = client.post("/members/me", data=data)
    assert response.status_code == 400
