"""Configuration: defaults, then ``instance/config.py``, then ``LEERNET_*`` variables.

The coordinator self-hosts leernet, so every setting has a safe default and the
secret key is generated on first start into the instance folder rather than shipped.
"""

import os
import secrets
import time
from datetime import timedelta
from pathlib import Path


class Defaults:
    """Values that hold unless the instance config or the environment says otherwise."""

    NETWORK_TIMEZONE = "Europe/Amsterdam"
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    LANGUAGES = ("nl", "en")
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    INVITATION_DAYS = 14
    RESET_HOURS = 2
    HTTPS = False
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(days=60)
    PERMANENT_SESSION_LIFETIME = timedelta(days=14)
    WTF_CSRF_TIME_LIMIT = None  # a form left open during a long meeting must still submit
    RATELIMIT_HEADERS_ENABLED = True
    RATELIMIT_STORAGE_URI = "memory://"
    TOKEN_LIMIT = "20 per minute"
    MAIL_SERVER = ""
    MAIL_PORT = 587
    MAIL_USERNAME = ""
    MAIL_PASSWORD = ""
    MAIL_USE_TLS = True
    MAIL_SENDER = "leernet@localhost"
    BASE_URL = ""
    # Web Push: the hosts of the push services (``*.`` for subdomains), and origins
    # (scheme://host:port) allowed although plain http or loopback, e.g. a test's.
    PUSH_HOSTS = (
        "fcm.googleapis.com, updates.push.services.mozilla.com, push.services.mozilla.com,"
        " web.push.apple.com, *.push.apple.com, *.notify.windows.com"
    )
    PUSH_ORIGINS = ""
    VAPID_PRIVATE_KEY = ""  # PEM; else generated into instance/ on first start
    VAPID_PUBLIC_KEY = ""
    VAPID_SUBJECT = ""  # mailto: or https: contact; else the base URL
    #: Extra host names this server answers for (comma-separated in the environment),
    #: beside localhost, 127.0.0.1 and BASE_URL's host (``trusted_hosts``).
    EXTRA_HOSTS = ""
    UPLOAD_DIR = ""
    MAX_UPLOAD_MB = 20
    # Argon2id cost: OWASP's 7 MiB x 5 passes, one of its equivalent settings (as strong as
    # 19 MiB x 2 and as fast), with the least memory at the peak of a login: a worker has
    # 100 MB in all. Hashes made with other settings still verify (they carry their own).
    ARGON2_TIME_COST = 5
    ARGON2_MEMORY_KIB = 7168
    BENCH = False  # /bench/ping, the benchmark's reference endpoint
    COUNT_QUERIES = False  # X-Query-Count header: SQL statements per request
    SERVE_ONLY = False  # set for gunicorn's workers: no migrations (see create_app)


#: Environment variables read as settings, with the type to parse them as.
ENV_SETTINGS = {
    "NETWORK_TIMEZONE": str,
    "INVITATION_DAYS": int,
    "RESET_HOURS": int,
    "HTTPS": bool,
    "TOKEN_LIMIT": str,
    "MAIL_SERVER": str,
    "MAIL_PORT": int,
    "MAIL_USERNAME": str,
    "MAIL_PASSWORD": str,
    "MAIL_USE_TLS": bool,
    "MAIL_SENDER": str,
    "BASE_URL": str,
    "PUSH_HOSTS": str,
    "PUSH_ORIGINS": str,
    "VAPID_PRIVATE_KEY": str,
    "VAPID_SUBJECT": str,
    "EXTRA_HOSTS": str,
    "UPLOAD_DIR": str,
    "MAX_UPLOAD_MB": int,
    "ARGON2_TIME_COST": int,
    "ARGON2_MEMORY_KIB": int,
    "BENCH": bool,
    "COUNT_QUERIES": bool,
    "SERVE_ONLY": bool,
}


def _parse(kind, raw):
    if kind is bool:
        return raw.strip().lower() in {"1", "true", "yes", "on"}
    return kind(raw)


def database_url(instance_path):
    """``DATABASE_URL`` (psycopg 3 for PostgreSQL) or SQLite in the instance folder."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "leernet.sqlite3")
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def secret_key(instance_path):
    """Read the instance's secret key, creating it atomically on first start.

    Several gunicorn workers may start at once; ``O_EXCL`` makes exactly one of them
    write the key and the others read that same key.
    """
    path = Path(instance_path) / "secret_key"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text().strip()
        if key:
            return key
        # A concurrent writer has created but not yet filled the file.
        time.sleep(0.2)
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        key = secrets.token_hex(32)
        handle.write(key)
    return key


LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1", "[::1]")


def trusted_hosts(config):
    """The hosts whose requests are served; any other ``Host`` header is a 400.

    Links in messages and pages are built from the request's host when no ``BASE_URL``
    is set, so a forged ``Host: evil.example`` must never reach a view.
    """
    from urllib.parse import urlsplit

    hosts = list(LOCAL_HOSTS)
    base_host = urlsplit(config["BASE_URL"]).hostname if config["BASE_URL"] else None
    if base_host:
        hosts.append(base_host)
    hosts += [h.strip() for h in config["EXTRA_HOSTS"].split(",") if h.strip()]
    return hosts


def configure(app, overrides=None):
    """Apply defaults, the instance file, environment variables and test overrides."""
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_object(Defaults)
    app.config.from_pyfile("config.py", silent=True)
    for name, kind in ENV_SETTINGS.items():
        raw = os.environ.get(f"LEERNET_{name}")
        if raw is not None and raw != "":
            app.config[name] = _parse(kind, raw)
    redis_url = os.environ.get("LEERNET_REDIS_URL")
    if redis_url:
        app.config["RATELIMIT_STORAGE_URI"] = redis_url
    app.config.setdefault("SQLALCHEMY_DATABASE_URI", database_url(app.instance_path))
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ.get("LEERNET_SECRET_KEY") or secret_key(
            app.instance_path
        )
    if overrides:
        app.config.update(overrides)
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # A file cannot drop a connection: a ping before each use would only double the
        # statements of the timer poll. PostgreSQL keeps it (restarts, idle timeouts).
        options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
        app.config["SQLALCHEMY_ENGINE_OPTIONS"] = {**options, "pool_pre_ping": False}
    if not app.config["UPLOAD_DIR"]:
        app.config["UPLOAD_DIR"] = str(Path(app.instance_path) / "uploads")
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_UPLOAD_MB"] * 1024 * 1024 + 65536
    if app.config.get("TRUSTED_HOSTS") is None:
        app.config["TRUSTED_HOSTS"] = trusted_hosts(app.config)
    secure = bool(app.config["HTTPS"])
    app.config["SESSION_COOKIE_SECURE"] = secure
    app.config["REMEMBER_COOKIE_SECURE"] = secure
    app.config["PREFERRED_URL_SCHEME"] = "https" if secure else "http"
