"""Intervision's part in value creation: my roles and commitments in my journey, sessions
and fair role rotation on the dashboard, figures for the funder report, and sessions as
something a value story can be about.

What is said in a session stays in its group. The report gets counts under labels that
are role, method and follow-up names (``sources.Table`` refuses anything else) and never
a member's name; the dashboard, which only members see, names who held which role. A
story about a session shows its case only to those who took part in it; everyone else
reads "Intervision session, 12 March". "Cases brought" counts the case-bringer role as
rotation records it (in troika consulting: who opened the round).
"""

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from ...i18n import format_date, format_decimal
from ...members.models import display_name
from ...timeutil import utcnow
from ...value import figures
from ...value.charts import Chart, Series
from ...value.sources import (
    Table,
    dashboard_panel,
    fairness_chart,
    journey_item,
    link_kind,
    report_section,
)
from .. import catalogue, privacy
from ..core.methods import ROLE_LABELS
from ..core.rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER, ROLES, TIMEKEEPER
from . import value_queries
from .value_figures import Summary, per_month, role_counts

RECENT = 30  # how many sessions the story form offers
CASE_LENGTH = 60  # how much of the case a participant's link shows

#: What case-bringers reported back about a commitment, as the report's rows say it.
REPORTED = {
    "done": _l("Reported done"),
    "partly": _l("Reported partly done"),
    "not_yet": _l("Reported not done yet"),
}
MY_ROLES = {
    FACILITATOR: _l("Intervision sessions facilitated"),
    CASE_BRINGER: _l("Cases brought to intervision"),
    TIMEKEEPER: _l("Intervision sessions as timekeeper"),
    MINUTE_TAKER: _l("Intervision sessions as minute-taker"),
}


@journey_item(30)
def my_intervision(user):
    """Sessions, each role held, and commitments kept of those made."""

    def present(values):
        sessions, *times, made, kept = values
        items = [(_l("Intervision sessions taken part in"), sessions)]
        if sessions:
            items += [(MY_ROLES[role], count) for role, count in zip(ROLES, times, strict=True)]
        if made:
            kept_of_made = _("%(kept)d of %(made)d", kept=kept, made=made)
            items.append((_l("Intervision commitments kept"), kept_of_made))
        return items

    return value_queries.my_part(user.id), present


def _role_labels():
    return {role: str(ROLE_LABELS[role]) for role in ROLES}


@dashboard_panel(40, "intervision.sessions")
def sessions_per_month(rows, period):
    if not rows:
        return None  # a network that does no intervision sees no empty chart for it
    sessions, places = per_month(rows, len(period.months))
    chart = Chart(
        key="intervision-sessions",
        kind="bar",
        title=_("Intervision sessions"),
        desc=_(
            "Per month, %(span)s: intervision sessions held, and how many took part in them.",
            span=figures.span(period),
        ),
        labels=[figures.month_label(m, short=True) for m in period.months],
        long_labels=[figures.month_label(m) for m in period.months],
        series=[Series(_("Sessions"), sessions), Series(_("Taking part"), places)],
        label_header=_("Month"),
        number=format_decimal,
        empty=_("No intervision sessions in this period yet."),
    )
    chart.notes.append(
        _(
            "%(sessions)s, %(places)s.",
            sessions=ngettext("%(num)d session", "%(num)d sessions", sum(sessions)),
            places=ngettext("%(num)d place taken", "%(num)d places taken", sum(places)),
        )
    )
    return chart


@dashboard_panel(41, "intervision.roles")
def role_rotation(rows, _period):
    if not rows:
        return None
    names = {member: str(display_name(name, erased)) for member, name, erased, *_ in rows}
    counts = role_counts((member, *times) for member, _name, _erased, *times in rows)
    return fairness_chart(
        counts,
        names,
        _role_labels(),
        key="intervision-roles",
        title=_("Intervision roles held per member"),
    )


def _method_label(key, custom_name):
    shipped = catalogue.get_method(key) if key else None
    if shipped is not None:
        return str(shipped.name)
    return custom_name or _("Own method")


def _method_rows(rows):
    """``(method name, sessions)``, most used first; removed custom methods counted together."""
    counted = {}
    for key, custom_name, sessions in rows:
        label = _method_label(key, custom_name)
        counted[label] = counted.get(label, 0) + int(sessions or 0)
    return sorted(counted.items(), key=lambda item: (-item[1], item[0].casefold()))


@report_section(40)
def intervision_report(_period, bounds):
    """Four tables of figures; nothing when the period held no session."""
    summary = Summary.from_row(value_queries.period_summary(bounds))
    if not summary.sessions:
        return []
    labels = _role_labels()
    case_index = ROLES.index(CASE_BRINGER)
    return [
        Table(
            "intervision",
            _("Intervision"),
            [_("Figure"), _("Number")],
            [
                (_("Sessions held"), summary.sessions),
                (_("Places taken"), summary.places),
                (_("Different members taking part"), summary.members),
                (_("Cases brought"), summary.times[case_index]),
            ],
            note=_("What was said in the sessions stays in the groups: only counts are here."),
        ),
        Table(
            "intervision-methods",
            _("Intervision sessions by method"),
            [_("Method"), _("Sessions")],
            _method_rows(value_queries.sessions_by_method(bounds)),
        ),
        Table(
            "intervision-roles",
            _("Intervision roles"),
            [_("Role"), _("Times held"), _("Members who held it")],
            [(labels[role], times, holders) for role, times, holders in summary.role_rows()],
            note=_("Roles rotate: the more members hold a role, the wider it is spread."),
        ),
        Table(
            "intervision-commitments",
            _("Intervision commitments"),
            [_("Commitments"), _("Number")],
            [(_("Made"), summary.made), (_("Reported back on"), summary.reported)]
            + [(str(REPORTED[s]), n) for s, n in summary.status_rows()],
            note=_(
                "Actions case-bringers committed to in this period, and what they "
                "reported back in a later session."
            ),
        ),
    ]


def _neutral(session):
    return _("Intervision session, %(date)s", date=format_date(session.meeting.starts_at, "long"))


def _shortened(text):
    text = " ".join(text.split())
    return text if len(text) <= CASE_LENGTH else text[: CASE_LENGTH - 1].rstrip() + "…"


def _title(session, took_part, now):
    """The case for someone who took part (while it is kept), else the neutral label."""
    if not took_part or not session.case_question or privacy.due(session, now):
        return _neutral(session)
    return f"{_shortened(session.case_question)} ({format_date(session.meeting.starts_at)})"


def _session_options(user):
    now = utcnow()
    return [(s.id, _title(s, True, now)) for s in value_queries.sessions_of(user.id, RECENT)]


def _sessions(user, ids):
    """Participants and coordinators go to the session page; other members to its meeting."""
    now = utcnow()
    found = {}
    for session, took_part in value_queries.sessions_seen_by(user.id, ids):
        if took_part or user.is_coordinator:
            url = url_for("intervision.session_page", session_id=session.id)
        else:
            url = url_for("meetings.detail", meeting_id=session.meeting_id)
        found[session.id] = (_title(session, took_part, now), url)
    return found


link_kind("session", _l("Intervision sessions"), _session_options, _sessions)
