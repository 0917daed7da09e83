"""The reads behind the dashboard, the report and the home card.

Each is one SQL statement whatever the size of the network: months are buckets of a
``CASE`` over UTC bounds computed from the network's time zone (so a meeting at 00:30 on
the first of the month counts in that month), and the database sums per bucket. The
monthly sums are ``cache.reader`` statements: their rows are kept until a write.
"""

from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.orm import joinedload

from ..decisions.models import Decision
from ..extensions import db
from ..meetings.models import Attendance, Meeting, Rsvp
from ..members.models import User
from . import rules
from .cache import reader
from .cycles import KEYS as CYCLES
from .models import NETWORK, CheckOut, Story


def bucket(column, bounds):
    """The index of the month ``column`` falls in (rows are already limited to the period)."""
    whens = [(column < bound, index) for index, bound in enumerate(bounds[1:-1])]
    last = len(bounds) - 2
    return case(*whens, else_=literal(last)) if whens else literal(0)


def _held(bounds, now):
    return and_(
        Meeting.starts_at >= bounds[0],
        Meeting.starts_at < bounds[-1],
        Meeting.cancelled_at.is_(None),
        Meeting.ends_at <= now,
    )


@reader("meetings")
def monthly_meetings(bounds, now):
    """``(bucket, meetings, attendance, said yes, said yes and came)`` per month."""
    attended = select(func.count()).where(Attendance.meeting_id == Meeting.id).scalar_subquery()
    said_yes = and_(Rsvp.meeting_id == Meeting.id, Rsvp.answer == "yes", Rsvp.waiting.is_(False))
    yes = select(func.count()).select_from(Rsvp).where(said_yes).scalar_subquery()
    came = (
        select(func.count())
        .select_from(Rsvp)
        .join(
            Attendance,
            and_(Attendance.meeting_id == Rsvp.meeting_id, Attendance.user_id == Rsvp.user_id),
        )
        .where(said_yes)
        .scalar_subquery()
    )
    inner = (
        select(
            bucket(Meeting.starts_at, bounds).label("b"),
            attended.label("att"),
            yes.label("yes"),
            came.label("came"),
        )
        .where(_held(bounds, now))
        .subquery()
    )
    return select(
        inner.c.b,
        func.count(),
        func.sum(inner.c.att),
        func.sum(inner.c.yes),
        func.sum(inner.c.came),
    ).group_by(inner.c.b)


def _flag(condition):
    return func.sum(case((condition, 1), else_=0))


@reader("checkouts")
def monthly_checkouts(bounds, now):
    """``(bucket, count, usefulness sum, n1..n5, one sum per cycle)`` per month."""
    b = bucket(Meeting.starts_at, bounds).label("b")
    columns = [func.count(), func.sum(CheckOut.usefulness)]
    columns += [_flag(CheckOut.usefulness == n) for n in range(1, 6)]
    columns += [_flag(getattr(CheckOut, key).is_(True)) for key in CYCLES]
    return (
        select(b, *columns)
        .select_from(CheckOut)
        .join(Meeting, Meeting.id == CheckOut.meeting_id)
        .where(_held(bounds, now))
        .group_by(b)
    )


def period_figures(bounds, now):
    """One row: distinct members who came, active members, stories told and their cycles."""
    came = (
        select(func.count(func.distinct(Attendance.user_id)))
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(_held(bounds, now))
        .scalar_subquery()
    )
    active = (
        select(func.count())
        .select_from(User)
        .where(User.active.is_(True), User.erased.is_(False))
        .scalar_subquery()
    )
    told = and_(Story.created_at >= bounds[0], Story.created_at < bounds[-1])
    stories = select(func.count()).select_from(Story).where(told).scalar_subquery()
    sums = [
        select(func.count()).select_from(Story).where(told, getattr(Story, key).is_(True))
        for key in CYCLES
    ]
    return db.session.execute(
        select(came, active, stories, *[s.scalar_subquery() for s in sums])
    ).one()


def meetings_by_kind(bounds, now):
    query = (
        select(Meeting.kind, func.count())
        .where(_held(bounds, now))
        .group_by(Meeting.kind)
        .order_by(Meeting.kind)
    )
    return db.session.execute(query).all()


def decisions_closed(bounds, limit=200):
    """Decisions closed in the period (not withdrawn ones), oldest first."""
    return db.session.scalars(
        select(Decision)
        .where(
            Decision.status == "closed",
            Decision.closed_at >= bounds[0],
            Decision.closed_at < bounds[-1],
        )
        .order_by(Decision.closed_at, Decision.id)
        .limit(limit)
    ).all()


def visible_stories(user):
    """Stories this member may read (a query to refine, page or count)."""
    query = select(Story)
    if not user.is_coordinator:
        query = query.where(or_(Story.visibility == NETWORK, Story.author_id == user.id))
    return query


def with_author(query):
    return query.options(joinedload(Story.author))


def recent_stories(user, limit=5):
    return db.session.scalars(
        with_author(visible_stories(user))
        .order_by(Story.created_at.desc(), Story.id.desc())
        .limit(limit)
    ).all()


def report_stories(bounds):
    """The stories a coordinator chose for the report, told in the period."""
    return db.session.scalars(
        select(Story)
        .where(
            Story.in_report.is_(True),
            Story.created_at >= bounds[0],
            Story.created_at < bounds[-1],
        )
        .order_by(Story.created_at, Story.id)
    ).all()


def my_counts(user):
    """``(meetings attended, check-outs given, stories told)`` as scalar subqueries."""

    def count(model, column):
        return select(func.count()).select_from(model).where(column == user.id).scalar_subquery()

    return [
        count(Attendance, Attendance.user_id),
        count(CheckOut, CheckOut.user_id),
        count(Story, Story.author_id),
    ]


def pending_checkout(user, now):
    """The most recent meeting I attended this past week and have not checked out of."""
    since, until = rules.card_window(now)
    checked_out = (
        select(CheckOut.id)
        .where(CheckOut.meeting_id == Meeting.id, CheckOut.user_id == user.id)
        .exists()
    )
    attended = (
        select(Attendance.id)
        .where(Attendance.meeting_id == Meeting.id, Attendance.user_id == user.id)
        .exists()
    )
    return db.session.scalar(
        select(Meeting)
        .where(
            Meeting.ends_at > since,
            Meeting.ends_at <= until,
            Meeting.cancelled_at.is_(None),
            attended,
            ~checked_out,
        )
        .order_by(Meeting.ends_at.desc())
        .limit(1)
    )
