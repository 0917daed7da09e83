"""Language and time zone: the member's choice, then the network's, then the browser's.

Times are stored in UTC and shown in the network's time zone (default Amsterdam).
"""

from datetime import UTC, datetime
from zoneinfo import available_timezones

from babel import dates, numbers
from flask import current_app, g, has_app_context, has_request_context, request, session
from flask_babel import Domain, get_locale, get_timezone
from flask_login import current_user

from .extensions import babel
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


class RequestDomain(Domain):
    """Translations looked up once per request.

    Flask-Babel finds the locale and its catalogue afresh for every string, and a list
    page translates hundreds. Its per-request state has a ``babel_translations`` slot
    that ``refresh()`` clears and ``force_locale`` swaps, so keeping them there follows
    both.
    """

    def get_translations(self):
        state = g.get("_flask_babel") if has_app_context() else None
        if state is None:
            return super().get_translations()
        found = getattr(state, "babel_translations", None)
        if found is None:
            found = state.babel_translations = super().get_translations()
        return found


# Flask-Babel's format_* find the locale, the time zone and the configured formats afresh on
# every call, three to six times the cost of Babel's own. A list page formats a date or a
# number on every row, so these ask Flask-Babel only for the locale and the zone (which
# still follows ``force_locale``) and let Babel do the rest.


def to_user_timezone(moment):
    """An aware datetime in the network's time zone (a naive one is taken to be UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(get_timezone())


def format_date(value, format="medium"):
    if isinstance(value, datetime):
        value = to_user_timezone(value)
    return dates.format_date(value, format, locale=get_locale())


def format_datetime(value, format="medium"):
    return dates.format_datetime(to_user_timezone(value), format, locale=get_locale())


def format_time(value, format="medium"):
    return dates.format_time(to_user_timezone(value), format, locale=get_locale())


def format_decimal(number, format=None):
    return numbers.format_decimal(number, format, locale=get_locale())


def register(app):
    domain = babel.domain_instance = RequestDomain()
    # Templates ask the domain straight away (Flask-Babel's callables find it each time).
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: domain.get_translations().ugettext(s),
        ngettext=lambda s, p, n: domain.get_translations().ungettext(s, p, n),
        pgettext=lambda c, s: domain.get_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: domain.get_translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(value, fmt)
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": format_datetime(value, fmt)
    app.jinja_env.globals["get_locale"] = get_locale
