"""Language and time zone: the member's choice, then the network's, then the browser's.

Times are stored in UTC and shown in the network's time zone (default Amsterdam).
"""

from datetime import UTC, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo, available_timezones

from babel import dates, numbers
from flask import current_app, g, has_app_context, has_request_context, request, session
from flask_babel import Domain, get_locale, get_timezone
from flask_login import current_user
from jinja2 import pass_context
from markupsafe import Markup

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


def _babel_state():
    """Flask-Babel's per-request namespace: its locale, zone and catalogue slots.

    Each ``g.name`` goes through a context-local proxy, and Flask-Babel takes three such
    hops for every string, date and number. A list page asks hundreds of times, so this
    takes ``g``'s object once. ``refresh()`` clears these slots and ``force_locale``
    swaps the locale, so reading them here follows both.
    """
    if not has_app_context():
        return None
    state = g._get_current_object()
    found = getattr(state, "_flask_babel", None)
    if found is None:
        found = state._flask_babel = SimpleNamespace()
    return found


class RequestDomain(Domain):
    """Translations looked up once per request (Flask-Babel finds them for every string)."""

    def get_translations(self):
        state = _babel_state()
        if state is None:
            return super().get_translations()
        found = getattr(state, "babel_translations", None)
        if found is None:
            found = state.babel_translations = super().get_translations()
        return found


# Flask-Babel's format_* find the locale, the time zone and the configured formats afresh on
# every call, three to six times the cost of Babel's own. A list page formats a date or a
# number on every row: these read the locale and the zone from the request's state and let
# Babel do the rest, with the zone as a ``zoneinfo`` zone (C, where pytz is Python).


def _locale():
    return getattr(_babel_state(), "babel_locale", None) or get_locale()


def _zone():
    chosen = getattr(_babel_state(), "babel_tzinfo", None) or get_timezone()
    return ZoneInfo(chosen.zone)  # zoneinfo keeps one instance per name


def to_user_timezone(moment):
    """An aware datetime in the network's time zone (a naive one is taken to be UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(_zone())


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
    if isinstance(value, datetime):
        value = to_user_timezone(value)
    return dates.format_date(value, DATE_FORMATS.get(format, format), locale=_locale())


def format_datetime(value, format="medium"):
    pattern = DATETIME_FORMATS.get(format, format)
    return dates.format_datetime(to_user_timezone(value), pattern, locale=_locale())


def format_time(value, format="medium"):
    pattern = TIME_FORMATS.get(format, format)
    return dates.format_time(to_user_timezone(value), pattern, locale=_locale())


def format_decimal(number, format=None):
    return numbers.format_decimal(number, format, locale=_locale())


def _template_gettext(domain):
    """Jinja's newstyle gettext functions, one call deep.

    Jinja's own wrappers call the translation function through the template context a
    second time, and its ``_`` is an alias that looks ``gettext`` up by name on every
    call; templates translate on every list row, so these translate and format directly,
    with the same rules: autoescaped text is Markup, and the result is always formatted
    (the strings are positional-only, so ``num=`` or ``context=`` may be passed as well).
    """

    def formatted(context, text, variables):
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % variables

    @pass_context
    def gettext(context, string, /, **variables):
        return formatted(context, domain.get_translations().ugettext(string), variables)

    @pass_context
    def ngettext(context, singular, plural, count, /, **variables):
        variables.setdefault("num", count)
        text = domain.get_translations().ungettext(singular, plural, count)
        return formatted(context, text, variables)

    @pass_context
    def pgettext(context, string_ctx, string, /, **variables):
        variables.setdefault("context", string_ctx)
        text = domain.get_translations().upgettext(string_ctx, string)
        return formatted(context, text, variables)

    @pass_context
    def npgettext(context, string_ctx, singular, plural, count, /, **variables):
        variables.setdefault("context", string_ctx)
        variables.setdefault("num", count)
        text = domain.get_translations().unpgettext(string_ctx, singular, plural, count)
        return formatted(context, text, variables)

    return {
        "gettext": gettext,
        "_": gettext,
        "ngettext": ngettext,
        "pgettext": pgettext,
        "npgettext": npgettext,
    }


def register(app):
    domain = babel.domain_instance = RequestDomain()
    # The i18n extension's {% trans %} tags call these globals by name, newstyle.
    app.jinja_env.newstyle_gettext = True
    app.jinja_env.globals.update(_template_gettext(domain))
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(value, fmt)
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": format_datetime(value, fmt)
    app.jinja_env.globals["get_locale"] = get_locale
