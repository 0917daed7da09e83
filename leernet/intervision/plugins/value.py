"""Intervision's part in value creation: my roles and commitments in my journey, sessions
and fair role rotation on the dashboard, figures for the funder report, and sessions as
something a value story can be about.

What is said in a session stays in its group. The report gets counts under labels that
are role, method and follow-up names (``sources.Table`` refuses anything else) and never
a member's name; the dashboard, which only members see, names who held which role. A
story about a session shows its case only to those who took part in it; everyone else
reads "Intervision session, 12 March". "Cases brought" counts the case-bringer role as
rotation records it (in troika consulting: who opened the round).

The module reads first, one SQL statement each (kept by ``value.cache.reader``): a session
counts once it has started, from then on its roles are what was held
(``Participant.held_role``, as fair rotation counts them); it belongs to the month its
meeting starts in, like every other figure on the dashboard. The reads take counts, ids,
role keys and method names, never a case, a note, a reflection or an action. Pure
functions then reshape their rows (roles per member for the fairness chart, sessions per
month, the period's summary in named parts so the report can never mix up which number
is which), and the parts at the end are built from those.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import contains_eager

from ...extensions import db
from ...i18n import format_date, format_decimal
from ...meetings.models import Meeting
from ...members.models import User, display_name
from ...timeutil import utcnow
from ...value import figures
from ...value.cache import reader
from ...value.charts import Chart, Series
from ...value.queries import bucket
from ...value.sources import (
    Table,
    dashboard_panel,
    fairness_chart,
    journey_item,
    link_kind,
    report_section,
)
from .. import catalogue, privacy
from ..core import timer
from ..core.methods import ROLE_LABELS
from ..core.rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER, ROLES, TIMEKEEPER
from ..models import FOLLOW_UP, Commitment, MethodTemplate, Participant, Session

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


# The reads.


DONE = FOLLOW_UP[0]


def held():
    return Session.status != timer.READY


def in_period(bounds):
    return and_(held(), Meeting.starts_at >= bounds[0], Meeting.starts_at < bounds[-1])


def _times(role):
    return func.count(case((Participant.held_role == role, 1)))


def _taking_part():
    """Participants of sessions, with their session and meeting, to filter and count."""
    return (
        select()
        .select_from(Participant)
        .join(Session, Session.id == Participant.session_id)
        .join(Meeting, Meeting.id == Session.meeting_id)
    )


def my_part(user_id):
    """The columns of ``(sessions, times held per role in ROLES order..., commitments made,
    kept)``, from a one-row subquery, for the journey's one statement."""

    def commitments(*conditions):
        return (
            select(func.count())
            .select_from(Commitment)
            .where(Commitment.user_id == user_id, Commitment.action != "", *conditions)
            .scalar_subquery()
        )

    query = _taking_part().add_columns(
        func.count(Participant.id).label("sessions"),
        *[_times(role).label(role) for role in ROLES],
        commitments().label("made"),
        commitments(Commitment.report_status == DONE).label("kept"),
    )
    return list(query.where(Participant.user_id == user_id, held()).subquery().c)


@reader("intervision.roles")
def roles_by_member(bounds, _now):
    """``(member id, name, erased, times held per role in ROLES order...)``: one row for
    each member who took part in the period."""
    return (
        _taking_part()
        .add_columns(User.id, User.name, User.erased, *[_times(role) for role in ROLES])
        .join(User, User.id == Participant.user_id)
        .where(in_period(bounds))
        .group_by(User.id, User.name, User.erased)
    )


@reader("intervision.sessions")
def monthly_sessions(bounds, _now):
    """``(bucket, sessions, places taken)`` per month of the period."""
    month = bucket(Meeting.starts_at, bounds).label("b")
    return (
        select(month, func.count(distinct(Session.id)), func.count(Participant.id))
        .select_from(Session)
        .join(Meeting, Meeting.id == Session.meeting_id)
        .outerjoin(Participant, Participant.session_id == Session.id)
        .where(in_period(bounds))
        .group_by(month)
    )


def period_summary(bounds):
    """One row: sessions, places taken, different members; per role in ROLES order the
    times held, then per role how many members held it; commitments made in the period's
    sessions, reported back, then one count per follow-up status."""

    def commitments(*conditions):
        return (
            select(func.count())
            .select_from(Commitment)
            .join(Session, Session.id == Commitment.session_id)
            .join(Meeting, Meeting.id == Session.meeting_id)
            .where(in_period(bounds), Commitment.action != "", *conditions)
            .correlate(None)  # its own sessions, not the outer query's rows
            .scalar_subquery()
        )

    holders = [
        func.count(distinct(case((Participant.held_role == role, Participant.user_id))))
        for role in ROLES
    ]
    query = (
        select(
            func.count(distinct(Session.id)),
            func.count(Participant.id),
            func.count(distinct(Participant.user_id)),
            *[_times(role) for role in ROLES],
            *holders,
            commitments(),
            commitments(Commitment.report_status.is_not(None)),
            *[commitments(Commitment.report_status == status) for status in FOLLOW_UP],
        )
        .select_from(Session)
        .join(Meeting, Meeting.id == Session.meeting_id)
        .outerjoin(Participant, Participant.session_id == Session.id)
        .where(in_period(bounds))
    )
    return db.session.execute(query).one()


def sessions_by_method(bounds):
    """``(shipped method key or "", custom method's name or None, sessions)``."""
    query = (
        select(Session.method_key, MethodTemplate.name, func.count(Session.id))
        .join(Meeting, Meeting.id == Session.meeting_id)
        .outerjoin(MethodTemplate, MethodTemplate.id == Session.template_id)
        .where(in_period(bounds))
        .group_by(Session.method_key, MethodTemplate.id, MethodTemplate.name)
    )
    return db.session.execute(query).all()


def _with_meeting(query):
    return query.join(Meeting, Meeting.id == Session.meeting_id).options(
        contains_eager(Session.meeting)
    )


def sessions_of(user_id, limit):
    """The latest sessions ``user_id`` took part in that have started, newest first."""
    query = _with_meeting(
        select(Session).join(
            Participant,
            and_(Participant.session_id == Session.id, Participant.user_id == user_id),
        )
    )
    return db.session.scalars(
        query.where(held()).order_by(Meeting.starts_at.desc(), Session.id.desc()).limit(limit)
    ).all()


def sessions_seen_by(user_id, ids):
    """``(session, took part)`` for the sessions with these ids."""
    query = _with_meeting(
        select(Session, Participant.id.is_not(None)).outerjoin(
            Participant,
            and_(Participant.session_id == Session.id, Participant.user_id == user_id),
        )
    )
    return db.session.execute(query.where(Session.id.in_(ids))).all()


# The figures.


def role_counts(rows: Iterable) -> dict:
    """``{member: {role: times}}`` from ``(member, times held per role in ROLES order...)``
    rows; a member who took part without holding a role has zeros (fairness is about
    everyone who was there)."""
    return {member: dict(zip(ROLES, map(int, times), strict=True)) for member, *times in rows}


def per_month(rows: Iterable, months: int):
    """``(sessions per month, places taken per month)`` from ``(bucket, sessions, places)``
    rows; a bucket outside the period is ignored, a month without rows has zeros."""
    sessions, places = [0] * months, [0] * months
    for index, held, taken in rows:
        if isinstance(index, int) and 0 <= index < months:
            sessions[index] += int(held or 0)
            places[index] += int(taken or 0)
    return sessions, places


@dataclass(frozen=True)
class Summary:
    """A period of intervision in figures (see ``period_summary``)."""

    sessions: int = 0
    places: int = 0
    members: int = 0
    times: tuple = (0,) * len(ROLES)  # per role in ROLES order
    holders: tuple = (0,) * len(ROLES)  # how many members held each role
    made: int = 0
    reported: int = 0
    follow_up: tuple = (0,) * len(FOLLOW_UP)  # per status in FOLLOW_UP order

    @classmethod
    def from_row(cls, row):
        values = [int(v or 0) for v in row]
        n, f = len(ROLES), len(FOLLOW_UP)
        if len(values) != 5 + 2 * n + f:
            raise ValueError(f"a summary row has {len(values)} values")
        sessions, places, members = values[:3]
        times, holders = tuple(values[3 : 3 + n]), tuple(values[3 + n : 3 + 2 * n])
        made, reported, *follow_up = values[3 + 2 * n :]
        return cls(sessions, places, members, times, holders, made, reported, tuple(follow_up))

    def role_rows(self):
        """``(role, times held, members who held it)`` per role."""
        return list(zip(ROLES, self.times, self.holders, strict=True))

    def status_rows(self):
        """``(follow-up status, commitments)`` per status."""
        return list(zip(FOLLOW_UP, self.follow_up, strict=True))


# The parts.


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

    return my_part(user.id), present


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
    summary = Summary.from_row(period_summary(bounds))
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
            _method_rows(sessions_by_method(bounds)),
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
    return [(s.id, _title(s, True, now)) for s in sessions_of(user.id, RECENT)]


def _sessions(user, ids):
    """Participants and coordinators go to the session page; other members to its meeting."""
    now = utcnow()
    found = {}
    for session, took_part in sessions_seen_by(user.id, ids):
        if took_part or user.is_coordinator:
            url = url_for("intervision.session_page", session_id=session.id)
        else:
            url = url_for("meetings.detail", meeting_id=session.meeting_id)
        found[session.id] = (_title(session, took_part, now), url)
    return found


link_kind("session", _l("Intervision sessions"), _session_options, _sessions)
