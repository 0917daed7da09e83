"""The coordinator's report for a period: a printable page and CSV downloads."""

from flask import Response, abort, redirect, request, url_for
from flask_babel import lazy_gettext as _l

from ..access import COORDINATOR, access
from ..timeutil import utcnow
from ..web import render
from . import aggregate, bp, figures, report

PROBLEMS = {
    aggregate.MISSING: _l("Choose both a start date and an end date."),
    aggregate.INVALID: _l("Use real dates, like 2026-01-31."),
    aggregate.REVERSED: _l("The end date comes before the start date. Swap them and try again."),
    aggregate.TOO_LONG: _l("Choose a period of at most ten years."),
}


def _period():
    """The period asked for (the last twelve months when nothing was asked)."""
    if "start" not in request.args and "end" not in request.args:
        return aggregate.last_months(figures.local_today(), 12), None
    return aggregate.parse_period(request.args.get("start", ""), request.args.get("end", ""))


def presets(today):
    """Quick choices: this year so far, last year, the last twelve months."""
    last = aggregate.last_months(today, 12)
    return [
        (_l("Last twelve months"), last.start, last.end),
        (_l("This year"), today.replace(month=1, day=1), today),
        (
            _l("Last year"),
            today.replace(year=today.year - 1, month=1, day=1),
            today.replace(year=today.year - 1, month=12, day=31),
        ),
    ]


@bp.route("/report")
@access(COORDINATOR)
def report_page():
    period, problem = _period()
    today = figures.local_today()
    context = {
        "start": request.args.get("start", "")[:20],
        "end": request.args.get("end", "")[:20],
        "presets": presets(today),
    }
    if problem:
        return render("value/report.html", problem=PROBLEMS[problem], report=None, **context)
    found = report.build(period, utcnow())
    context.update(start=period.start.isoformat(), end=period.end.isoformat())
    return render(
        "value/report.html",
        problem=None,
        report=found,
        tables=report.tables(found),
        decisions=report.decision_rows(found),
        charts=figures.charts(found.figures),
        span=figures.span(period),
        **context,
    )


@bp.route("/report.csv")
@access(COORDINATOR)
def report_csv():
    period, problem = _period()
    if problem:  # the report page says what is wrong with the dates
        return redirect(url_for("value.report_page", **request.args), code=303)
    key = request.args.get("table", "months")[:40]
    text = report.csv_for(report.build(period, utcnow()), key)
    if text is None:
        abort(404)
    name = f"leernet-{key}-{period.start.isoformat()}-{period.end.isoformat()}.csv"
    return Response(
        "\ufeff" + text,  # a byte-order mark, so spreadsheets read the accents right
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
