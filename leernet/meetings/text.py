"""Meetings in words, in the reader's language and the network's time zone."""

from babel.dates import get_day_names
from flask_babel import get_locale, ngettext
from flask_babel import lazy_gettext as _l

from ..i18n import format_date, to_user_timezone
from . import recurrence

NTH = {1: _l("first"), 2: _l("second"), 3: _l("third"), 4: _l("fourth"), -1: _l("last")}


def when(meeting, short=False):
    """ "Tuesday 14 April 2026, 10:00-16:00" (the dash is an en dash).

    Lists show this on every row: the hours come from ``strftime`` (they read the same
    in every language), so Babel formats only the day.
    """
    start, end = to_user_timezone(meeting.starts_at), to_user_timezone(meeting.ends_at)
    day = format_date(start, "EEE d MMM" if short else "EEEE d MMMM y")
    return f"{day}, {start:%H:%M}\u2013{end:%H:%M}"


def day_name(weekday):
    return get_day_names("wide", locale=get_locale())[weekday]


def rhythm(series):
    """ "every 2 months on the second Tuesday", "every 4 weeks on Thursday"."""
    day = day_name(series.first_date.weekday())
    if series.frequency == recurrence.WEEKS:
        return ngettext(
            "every week on %(day)s", "every %(num)d weeks on %(day)s", series.interval, day=day
        )
    nth = recurrence.nth_for(series.frequency, series.first_date)
    return ngettext(
        "every month on the %(nth)s %(day)s",
        "every %(num)d months on the %(nth)s %(day)s",
        series.interval,
        nth=NTH[nth],
        day=day,
    )


def series_summary(series):
    """ "every 2 months on the second Tuesday, 10:00-16:00"."""
    return f"{rhythm(series)}, {series.starts:%H:%M}\u2013{series.ends:%H:%M}"


def register(blueprint):
    blueprint.add_app_template_filter(when, "when")
    blueprint.add_app_template_filter(series_summary, "series_summary")
