"""What other features add to value creation: the journey, dashboard panels, the report,
and the things a story can point at.

Four registries, filled by decorators at import time:

- ``@journey_item(order)``: ``fn(user) -> (columns, present)`` for "my journey": SQL
  expressions with one value each, read for every feature in one statement, and
  ``present(values) -> [(label, value), ...]``;
- ``@dashboard_panel(order, reads)``: ``fn(rows, period) -> Chart | None`` with the rows
  of the ``cache.reader`` named ``reads`` (``charts.Chart``; ``fairness_chart`` builds
  the role-rotation one from counts);
- ``@report_section(order)``: ``fn(period, bounds) -> [Table, ...]``: figures only. A ``Table``
  holds a label and numbers per row and refuses anything else, so no text written in
  an intervision session can ever reach a funder's report;
- ``link_kind(name, label, options, resolve)``: what a value story can be about.

``period`` is an ``aggregate.Period`` (local dates, ``.months``); ``bounds`` its UTC
month boundaries, for ``queries.bucket(column, bounds)`` to group by month in SQL.
A feature registers its parts in its own value module, which its ``init_app`` imports
(``leernet/<feature>/__init__.py``), as it does its search kinds and home cards.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from numbers import Number

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select

from ..extensions import db
from .aggregate import fairness
from .charts import Chart, Series

log = logging.getLogger(__name__)

JOURNEY: list = []
PANELS: list = []
SECTIONS: list = []
LINKS: dict = {}


def _adder(registry):
    """A decorator that files ``(order, func, *more)`` in ``registry``, in order."""

    def decorator(order=50, *more):
        def register(func):
            registry.append((order, func, *more))
            registry.sort(key=lambda item: (item[0], item[1].__module__, item[1].__name__))
            return func

        return register

    return decorator


journey_item = _adder(JOURNEY)
report_section = _adder(SECTIONS)
#: ``@dashboard_panel(order, reads)``: a chart from the rows of the reader ``reads``.
dashboard_panel = _adder(PANELS)


class FiguresOnly(ValueError):
    """A report table with something other than a label and numbers in a row."""


@dataclass
class Table:
    """Figures for the report and its CSV: each row is a label followed by numbers."""

    key: str  # stable, for the CSV's file name and ?table=
    title: str
    columns: Sequence[str]  # the first names the label column
    rows: Sequence[Sequence] = ()
    note: str = ""

    def __post_init__(self):
        for row in self.rows:
            if len(row) != len(self.columns):
                raise FiguresOnly(f"{self.key}: a row has {len(row)} cells")
            label, *figures = row
            if not isinstance(label, str) or len(label) > 120:
                raise FiguresOnly(f"{self.key}: a label must be a short text")
            if not all(f is None or isinstance(f, Number) for f in figures):
                raise FiguresOnly(f"{self.key}: only numbers after the label")


@dataclass(frozen=True)
class LinkKind:
    name: str
    label: object
    #: ``options(user) -> [(id, title)]``: what this member can point a story at.
    options: Callable
    #: ``resolve(user, ids) -> {id: (title, url)}``: what this viewer may see of them.
    resolve: Callable


def link_kind(name, label, options, resolve):
    LINKS[name] = LinkKind(name, label, options, resolve)


def journey(user):
    """My journey: every feature's counts in one statement, then each feature's lines."""
    parts = [func(user) for _order, func in JOURNEY]
    columns = [column for part_columns, _present in parts for column in part_columns]
    values = iter(db.session.execute(select(*columns)).one() if columns else ())
    items = []
    for part_columns, present in parts:
        items += present([next(values) for _column in part_columns]) or []
    return items


def panel_readers():
    return [reads for _order, _func, reads in PANELS]


def panels(period, rows):
    """The panels' charts from ``{reader name: rows}`` (``figures.collect(..., also=...)``)."""
    charts = (func(rows[reads], period) for _order, func, reads in PANELS)
    return [chart for chart in charts if chart is not None]


def sections(period, bounds):
    """Every registered section's tables; one that breaks the rules is left out, loudly."""
    tables = []
    for _order, func in SECTIONS:
        try:
            tables += func(period, bounds) or []
        except FiguresOnly:
            log.exception("report section %s left out", func.__name__)
    return tables


def resolve_links(user, stories):
    """``{(kind, id): (title, url)}`` for the stories shown: one query per kind present."""
    wanted = {}
    for story in stories:
        if story.link_kind in LINKS and story.link_id is not None:
            wanted.setdefault(story.link_kind, set()).add(story.link_id)
    found = {}
    for kind, ids in wanted.items():
        for item_id, shown in LINKS[kind].resolve(user, sorted(ids)).items():
            found[(kind, item_id)] = shown
    return found


def fairness_chart(counts_by_member_role, names, role_labels, key="rotation", title=None, most=20):
    """The role-rotation chart: a bar per member, stacked by role, and its table.

    ``counts_by_member_role`` is ``{member id: {role: times held}}`` for the members
    who took part; ``names`` maps member ids to names, ``role_labels`` role keys to labels.
    The verdict weighs everyone; past ``most`` members a phone could not read the bars,
    so the chart keeps the extremes: those who held roles most often and least often.
    """
    result = fairness(counts_by_member_role, roles=list(role_labels))
    members = sorted(result.members, key=lambda m: (str(names.get(m, "")).lower(), m))
    notes = []
    if len(members) > most:
        by_total = sorted(members, key=lambda m: -sum(result.counts[m].values()))
        members = by_total[: most // 2] + by_total[-(most - most // 2) :]
        notes.append(
            ngettext(
                "The %(num)d member who held roles most and least often, of %(total)d.",
                "The %(num)d members who held roles most and least often, of %(total)d.",
                most,
                total=len(result.members),
            )
        )
    series = [
        Series(str(label), [result.counts[m].get(role, 0) for m in members])
        for role, label in role_labels.items()
    ]
    if result.fair:
        verdict = _("Every role went round evenly: counts differ by at most one.")
    else:
        verdict = _("Counts for one role differ by %(num)d between members.", num=result.max_spread)
    return Chart(
        key=key,
        kind="hbar",
        title=title or _("Roles held per member"),
        desc=_("Times each member held each role.") + " " + verdict,
        labels=[str(names.get(m, "")) for m in members],
        series=series,
        label_header=_("Member"),
        empty=_("No sessions yet."),
        notes=[verdict, *notes],
    )
