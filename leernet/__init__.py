"""leernet: a small, self-hostable web app for one learning network."""

from pathlib import Path

from flask import Flask, request
from werkzeug.routing import IntegerConverter

from . import access, assets, compression, errors, i18n, markdown, measure, security
from .auth.cookie import SessionInterface
from .config import configure
from .extensions import babel, csrf, db, htmx, limiter, login_manager

BLUEPRINTS = (
    "home", "auth", "members", "admin", "meetings", "polls", "decisions", "resources", "questions",
    "minutes", "search", "value", "intervision", "inbox", "board", "discussion",
)  # fmt: skip


def create_app(test_config=None):
    app = Flask(__name__, instance_relative_config=True)
    app.session_interface = SessionInterface()
    configure(app, test_config)
    compression.init_app(app)  # first: its after_request hook then runs last

    db.init_app(app)
    if not app.config["SERVE_ONLY"]:
        _migrations(app)
    login_manager.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale, timezone_selector=i18n.select_timezone)
    htmx.init_app(app)
    limiter.init_app(app)

    _register_features(app)
    assets.init_app(app)
    measure.init_app(app)
    app.before_request(security.reject_nul_bytes)
    app.before_request(security.reject_odd_numbers)
    app.before_request(access.enforce_policy)
    app.after_request(security.set_security_headers)
    errors.register(app)
    i18n.register(app)
    markdown.register(app)

    from .cli import leernet_cli

    app.cli.add_command(leernet_cli)

    @app.context_processor
    def inject_globals():
        from .admin.models import current_network

        return {"network": current_network(), "current_path": request.path}

    return app


class IdConverter(IntegerConverter):
    """``<int:...>`` in a URL: ids fit an integer column (a larger number is a 404, not a
    database error on PostgreSQL or SQLite), in ASCII digits only (``/meetings/١`` is a
    404, not meeting 1)."""

    regex = r"[0-9]+"

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def _migrations(app):
    """``flask db ...`` and ``flask_migrate.upgrade()``. A gunicorn worker never migrates
    (``make run`` does before it starts), and Alembic with Mako and Pygments would cost
    each worker some 11 MB of its 100 MB budget: gunicorn.conf.py sets ``SERVE_ONLY``."""
    from flask_migrate import Migrate

    directory = str(Path(app.root_path).parent / "migrations")
    Migrate(app, db, directory=directory, render_as_batch=True, compare_type=True)


def _register_features(app):
    """Each feature's package (``leernet/<name>/__init__.py``) holds its blueprint, imports
    its route modules, and names in ``init_app`` everything else it plugs in."""
    from importlib import import_module

    app.url_map.converters["int"] = IdConverter

    for name in BLUEPRINTS:
        feature = import_module(f".{name}", __name__)
        app.register_blueprint(feature.bp)
        if hasattr(feature, "init_app"):
            feature.init_app(app)
