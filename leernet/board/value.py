"""The board's part in value creation: opportunities shared through the network, and how
many of them were filled, per month on the dashboard (Wenger-Trayner's potential value:
what the network makes possible before anyone can say what it realised)."""

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import case, func, select

from ..i18n import format_decimal
from ..value import figures
from ..value.cache import reader
from ..value.charts import Chart, Series
from ..value.queries import bucket
from ..value.sources import dashboard_panel
from .models import FILLED, BoardItem


@reader("board.items")
def monthly_items(bounds, _now):
    """``(bucket, notices posted, of them filled)`` per month of the period."""
    month = bucket(BoardItem.created_at, bounds).label("b")
    return (
        select(month, func.count(BoardItem.id), func.count(case((BoardItem.state == FILLED, 1))))
        .where(BoardItem.created_at >= bounds[0], BoardItem.created_at < bounds[-1])
        .group_by(month)
    )


def per_month(rows, months):
    shared, filled = [0] * months, [0] * months
    for index, posted, done in rows:
        if isinstance(index, int) and 0 <= index < months:
            shared[index] += int(posted or 0)
            filled[index] += int(done or 0)
    return shared, filled


@dashboard_panel(60, "board.items")
def opportunities(rows, period):
    if not rows:
        return None
    shared, filled = per_month(rows, len(period.months))
    chart = Chart(
        key="board-opportunities",
        kind="bar",
        title=_("Opportunities shared"),
        desc=_(
            "Per month, %(span)s: notices posted on the board, and how many were filled.",
            span=figures.span(period),
        ),
        labels=[figures.month_label(m, short=True) for m in period.months],
        long_labels=[figures.month_label(m) for m in period.months],
        series=[Series(_("Shared"), shared), Series(_("Filled"), filled)],
        label_header=_("Month"),
        number=format_decimal,
        empty=_("Nothing posted on the board in this period yet."),
    )
    chart.notes.append(
        ngettext("%(num)d notice shared,", "%(num)d notices shared,", sum(shared))
        + " "
        + ngettext("%(num)d filled.", "%(num)d filled.", sum(filled))
    )
    return chart
