"""The funder report: what a period's figures are, as tables for the page and for CSV.

Only figures, decision titles and stories a coordinator chose go in. Nothing from an
intervision session (case, phase notes, reflection) and no check-out takeaway ever
does: sections from other features pass through ``sources.Table``, which holds a label
and numbers only.
"""

import csv
import io
from dataclasses import dataclass, field

from flask_babel import gettext as _

from ..decisions import labels as decision_labels
from ..meetings.models import KINDS
from . import aggregate, cycles, figures, queries, sources
from .sources import Table

#: Cells a spreadsheet would run as a formula start with one of these.
FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Report:
    figures: figures.Figures
    kinds: list
    came: int
    active: int
    stories_told: int
    story_cycles: dict
    decisions: list
    stories: list
    sections: list = field(default_factory=list)

    @property
    def period(self):
        return self.figures.period

    @property
    def total(self):
        return self.figures.total

    @property
    def participation(self):
        return aggregate.ratio(self.came, self.active)

    @property
    def empty(self):
        plugged = any(any(row[1:]) for table in self.sections for row in table.rows)
        return not (self.total.meetings or self.stories_told or self.decisions or plugged)


def build(period, now):
    found = figures.collect(period, now)
    came, active, told, *story_sums = queries.period_figures(found.bounds, now)
    return Report(
        figures=found,
        kinds=[
            (KINDS.get(kind, kind), count)
            for kind, count in queries.meetings_by_kind(found.bounds, now)
        ],
        came=came or 0,
        active=active or 0,
        stories_told=told or 0,
        story_cycles=aggregate.cycle_counts(story_sums),
        decisions=queries.decisions_closed(found.bounds),
        stories=queries.report_stories(found.bounds),
        sections=sources.sections(period, found.bounds),
    )


def tables(report, for_csv=False):
    """Every table of figures in the report, by key (the CSV export offers each)."""
    months = report.figures.months
    month_columns = [
        _("Month"),
        _("Meetings"),
        _("Present"),
        _("Said yes"),
        _("Said yes and came"),
        _("Check-outs"),
        _("Average usefulness (1–5)"),
    ] + [str(cycles.SHORT[key]) for key in cycles.KEYS]
    month_rows = [
        (
            m.month.strftime("%Y-%m") if for_csv else figures.month_label(m.month),
            m.meetings,
            m.attendance,
            m.rsvp_yes,
            m.yes_came,
            m.checkouts,
            m.mean_usefulness,
            *[m.cycles[key] for key in cycles.KEYS],
        )
        for m in months
    ]
    total = report.total
    result = [
        Table("months", _("Per month"), month_columns, month_rows),
        Table(
            "kinds",
            _("Meetings held, by kind"),
            [_("Kind"), _("Meetings")],
            [(str(label), count) for label, count in report.kinds],
        ),
        Table(
            "cycles",
            _("Value cycles"),
            [_("Value cycle"), _("In check-outs"), _("In stories")],
            [
                (str(cycles.LABELS[key]), total.cycles[key], report.story_cycles[key])
                for key in cycles.KEYS
            ],
        ),
        Table(
            "usefulness",
            _("How useful: check-outs per score"),
            [_("Score"), _("Check-outs")],
            [(str(score), count) for score, count in enumerate(total.usefulness, start=1)],
        ),
    ]
    return result + list(report.sections)


def decision_rows(report):
    return [
        (
            d.closed_at.date().isoformat(),
            d.title,
            str(decision_labels.METHODS.get(d.method, d.method)),
            str(decision_labels.OUTCOMES.get(d.outcome, d.outcome or "")),
        )
        for d in report.decisions
    ]


def story_rows(report):
    return [
        (
            s.created_at.date().isoformat(),
            s.title,
            s.text,
            ", ".join(str(cycles.SHORT[key]) for key in cycles.chosen(s)),
        )
        for s in report.stories
    ]


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA):
        return "'" + value
    return value


def to_csv(columns, rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return out.getvalue()


def csv_for(report, key):
    """The CSV text of table ``key`` (or the decisions or the stories), None if unknown."""
    if key == "decisions":
        columns = [_("Closed on"), _("Decision"), _("Method"), _("Outcome")]
        return to_csv(columns, decision_rows(report))
    if key == "stories":
        return to_csv([_("Date"), _("Title"), _("Story"), _("Value cycles")], story_rows(report))
    for table in tables(report, for_csv=True):
        if table.key == key:
            return to_csv(table.columns, table.rows)
    return None
