"""Security headers and password hashing.

The CSP allows no inline script, no inline style and no eval: htmx runs from a file,
its indicator styles are switched off in ``base.html``, and behaviour lives in app.js.
"""

import secrets
import threading

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import abort, current_app, request

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "manifest-src 'self'",
    ]
)


def set_security_headers(response):
    """``after_request`` hook: the same protective headers on every response.

    Every page but the static files may show something private (a case, the secret
    calendar address, who is a member): no cache, shared or the browser's own, keeps it,
    unless the view said otherwise."""
    headers = response.headers
    if request.endpoint != "static" and "Cache-Control" not in headers:
        headers["Cache-Control"] = "private, no-store"
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if current_app.config["HTTPS"]:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return response


def reject_nul_bytes():
    """``before_request`` hook: no legitimate text holds NUL, and PostgreSQL refuses it.

    Refusing it here with a 400 keeps every form and search from failing later with a 500.
    """
    for values in (request.args, request.form):
        for value in values.values():
            if "\x00" in value:
                abort(400)
    for part in (request.path, *request.args.keys(), *request.form.keys()):
        if "\x00" in part:
            abort(400)


#: Query parameters read as a page number: more digits than this cannot be a real page,
#: and a page's offset past 2**63 is an error in the database, not an empty page.
PAGE_PARAMETERS = ("page", "per_page")
PAGE_DIGITS = 6


def reject_odd_numbers():
    """``before_request`` hook: Python's ``int`` reads "١٢" (Arabic-Indic digits) and numbers
    of any size, and the database then fails on them with a 500. A number in another
    script, or a page number of absurd length, is a 400 here instead."""
    for values in (request.args, request.form):
        for value in values.values():
            if value.isdigit() and not value.isascii():
                abort(400)
    for name in PAGE_PARAMETERS:
        value = request.args.get(name, "")
        if len(value.lstrip("+-")) > PAGE_DIGITS:
            abort(400)


#: One Argon2 computation at a time per process: each takes ARGON2_MEMORY_KIB, so a
#: burst of logins on a worker's threads would otherwise add that much per thread.
_ONE_AT_A_TIME = threading.Lock()


def _hasher():
    config = current_app.config
    return PasswordHasher(
        time_cost=config["ARGON2_TIME_COST"],
        memory_cost=config["ARGON2_MEMORY_KIB"],
        parallelism=1,
    )


def hash_password(password):
    """Argon2id, a memory-hard KDF."""
    with _ONE_AT_A_TIME:
        return _hasher().hash(password)


#: ``{(time cost, memory): hash}``: what an account without a password is checked against.
_DUMMY_HASHES = {}


def _dummy_hash():
    """A real hash with today's settings, made once per process: checking a password
    for an unknown address (or an erased account) then costs the same Argon2 work as for
    a known one, so the answer's timing does not tell which addresses have accounts."""
    config = current_app.config
    key = (config["ARGON2_TIME_COST"], config["ARGON2_MEMORY_KIB"])
    if key not in _DUMMY_HASHES:
        _DUMMY_HASHES[key] = hash_password(secrets.token_urlsafe(16))
    return _DUMMY_HASHES[key]


def check_password(stored_hash, password):
    """True when ``password`` matches; an empty ``stored_hash`` costs the same and is False."""
    checked = stored_hash or _dummy_hash()
    try:
        with _ONE_AT_A_TIME:
            return _hasher().verify(checked, password) and bool(stored_hash)
    except (VerificationError, InvalidHashError):
        return False
