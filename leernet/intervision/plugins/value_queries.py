"""The reads behind intervision's parts of value creation, one SQL statement each.

A session counts once it has started: from then on its roles are what was held
(``Participant.held_role``, as fair rotation counts them). It belongs to the month its
meeting starts in, like every other figure on the dashboard. These reads take counts,
ids, role keys and method names, never a case, a note, a reflection or an action.
"""

from sqlalchemy import and_, case, distinct, func, select
from sqlalchemy.orm import contains_eager

from ...extensions import db
from ...meetings.models import Meeting
from ...members.models import User
from ...value.cache import reader
from ...value.queries import bucket
from ..core import timer
from ..core.rotation import ROLES
from ..models import FOLLOW_UP, Commitment, Participant, Session
from ..setup_models import MethodTemplate

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
