"""Language and time zone: the member's choice, then the network's, then the browser's.

Times are stored in UTC and shown in the network's time zone (default Amsterdam).
"""

from zoneinfo import available_timezones

from flask import current_app, request, session
from flask_babel import format_date, format_datetime, get_locale
from flask_login import current_user


def select_locale():
    languages = current_app.config["LANGUAGES"]
    if current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("lang") in languages:
        return session["lang"]
    from .admin.models import current_network

    network = current_network()
    if network and network.language in languages:
        return network.language
    return request.accept_languages.best_match(languages) or current_app.config[
        "BABEL_DEFAULT_LOCALE"
    ]


def select_timezone():
    from .admin.models import current_network

    network = current_network()
    return network.timezone if network else current_app.config["NETWORK_TIMEZONE"]


_ZONES = None


def _zones():
    global _ZONES
    if _ZONES is None:
        _ZONES = frozenset(available_timezones())
    return _ZONES


def timezone_choices():
    """Common zones first: these networks are Dutch, but members travel."""
    first = ["Europe/Amsterdam", "Europe/Brussels", "Europe/London", "UTC"]
    rest = sorted(z for z in _zones() if "/" in z and z not in first)
    return [(z, z) for z in first + rest]


def register(app):
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(value, fmt)
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": format_datetime(value, fmt)
    app.jinja_env.globals["get_locale"] = get_locale
