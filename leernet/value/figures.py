"""From grouped rows to what pages show: months with figures and their charts.

Shared by the dashboard and the report; the sums themselves are ``aggregate``'s.
"""

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from flask_babel import ngettext

from ..admin.models import current_network
from ..i18n import format_date, format_decimal
from . import aggregate, cache, cycles
from .charts import Chart, Series


def network_timezone():
    network = current_network()
    return network.timezone if network else "Europe/Amsterdam"


def local_today(timezone=None):
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(timezone or network_timezone())).date()


@dataclass
class Figures:
    period: aggregate.Period
    bounds: list
    months: list  # aggregate.Month per month
    total: aggregate.Month
    rows: dict  # {reader name: grouped rows}, for the dashboard's panels


def collect(period, now, also=()):
    """The period's months: meetings, attendance and answers; check-outs. ``rows`` holds
    these readers' rows and those of the readers named in ``also``, read together."""
    bounds = period.bounds(network_timezone())
    found = cache.rows(["meetings", "checkouts", *also], bounds, now)
    months = aggregate.monthly(period.months, found["meetings"], found["checkouts"])
    return Figures(period, bounds, months, aggregate.totals(months), found)


def number(value):
    return "–" if value is None else format_decimal(value)


def month_label(month, short=False):
    return format_date(month, "LLL" if short else "LLLL y")


def span(period):
    return _(
        "%(start)s to %(end)s",
        start=format_date(period.start, "long"),
        end=format_date(period.end, "long"),
    )


def charts(figures):
    """The dashboard's three charts: attendance, usefulness, value cycles."""
    months = figures.months
    labels = [month_label(m.month, short=True) for m in months]
    long_labels = [month_label(m.month) for m in months]
    when = span(figures.period)
    total = figures.total
    attendance = Chart(
        key="attendance",
        kind="bar",
        title=_("Said yes, and came"),
        desc=_("Per month, %(span)s: members who said yes, and members who came.", span=when),
        labels=labels,
        series=[
            Series(_("Said yes"), [m.rsvp_yes for m in months]),
            Series(_("Came"), [m.attendance for m in months]),
        ],
        label_header=_("Month"),
        long_labels=long_labels,
        number=format_decimal,
        empty=_("No meetings in this period yet."),
    )
    attendance.notes.append(
        ngettext(
            "%(num)d meeting, %(mean)s present on average.",
            "%(num)d meetings, %(mean)s present on average.",
            total.meetings,
            mean=number(total.mean_attendance),
        )
    )
    if total.show_up is not None:
        attendance.notes.append(_("%(pct)d%% of those who said yes came.", pct=total.show_up))
    usefulness = Chart(
        key="usefulness",
        kind="line",
        title=_("How useful, on average"),
        desc=_(
            "Per month, %(span)s: the average usefulness members gave in their check-outs, "
            "from 1 (not useful) to 5 (extremely useful).",
            span=when,
        ),
        labels=labels,
        series=[Series(_("Average (1–5)"), [m.mean_usefulness for m in months])],
        label_header=_("Month"),
        long_labels=long_labels,
        empty=_("No check-outs in this period yet."),
        y_max=5,
        decimals=1,
        number=lambda v: format_decimal(v, format="0.0"),
    )
    if total.checkouts:
        usefulness.notes.append(
            ngettext(
                "%(num)d check-out, on average %(mean)s.",
                "%(num)d check-outs, on average %(mean)s.",
                total.checkouts,
                mean=number(total.mean_usefulness),
            )
        )
    value = Chart(
        key="cycles",
        kind="stacked",
        title=_("Value cycles members felt"),
        desc=_("Per month, %(span)s: how often check-outs named each value cycle.", span=when),
        labels=labels,
        series=[
            Series(str(cycles.SHORT[key]), [m.cycles[key] for m in months]) for key in cycles.KEYS
        ],
        label_header=_("Month"),
        long_labels=long_labels,
        number=format_decimal,
        empty=_("No check-outs in this period yet."),
    )
    return [attendance, usefulness, value]
