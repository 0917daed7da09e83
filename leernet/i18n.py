"""Language and time zone: the member's choice, then the network's, then the browser's.
The app formats dates, times and numbers through this module.

Times are stored in UTC and shown in the network's time zone (default Amsterdam).
"""

from zoneinfo import available_timezones

import flask_babel
from flask import current_app, has_request_context, request, session
from flask_babel import format_decimal, get_locale, to_user_timezone  # noqa: F401  re-exported
from flask_login import current_user

from .forms import choices


def current_network():
    from .admin.models import current_network as lookup  # models import forms: import late

    return lookup()


def select_locale():
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI and background work: the network's language
        network = current_network()
        return network.language if network else current_app.config["BABEL_DEFAULT_LOCALE"]
    if current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    if session.get("lang") in languages:
        return session["lang"]
    network = current_network()
    if network and network.language in languages:
        return network.language
    return (
        request.accept_languages.best_match(languages) or current_app.config["BABEL_DEFAULT_LOCALE"]
    )


def select_timezone():
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
    return choices((z, z) for z in first + rest)


#: The named formats, as patterns that read the same way in every language: the day
#: before the month, the month as a word and the 24-hour clock. Babel's own "en" is
#: American ("11/12/26, 12:02 AM"), which a Dutch network misreads as 11 December.
DATE_FORMATS = {
    "short": "d MMM y",
    "medium": "d MMM y",
    "long": "d MMMM y",
    "full": "EEEE d MMMM y",
}
DATETIME_FORMATS = {
    "short": "EEE d MMM y, HH:mm",
    "medium": "EEE d MMM y, HH:mm",
    "long": "EEEE d MMMM y, HH:mm",
    "full": "EEEE d MMMM y, HH:mm",
}
TIME_FORMATS = {"short": "HH:mm", "medium": "HH:mm", "long": "HH:mm:ss", "full": "HH:mm:ss"}


def format_date(value, format="medium"):
    return flask_babel.format_date(value, DATE_FORMATS.get(format, format))


def format_datetime(value, format="medium"):
    return flask_babel.format_datetime(value, DATETIME_FORMATS.get(format, format))


def format_time(value, format="medium"):
    return flask_babel.format_time(value, TIME_FORMATS.get(format, format))


def register(app):
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(value, fmt)
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": format_datetime(value, fmt)
    app.jinja_env.globals["get_locale"] = get_locale
