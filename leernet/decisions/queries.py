"""The reads behind the log, the home card and the calendar: a fixed number of queries each."""

from datetime import date, datetime, timedelta

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from . import rules
from .forms import network_zone
from .models import Decision, Stance

#: The log's "not adopted" filter: every other outcome.
NOT_ADOPTED = tuple(o for o in rules.OUTCOMES if o != rules.ADOPTED)


def log_query(status="", method="", outcome="", text=""):
    """Every decision except drafts, most recently opened first (an index serves the order)."""
    query = select(Decision).where(Decision.status != rules.DRAFT)
    if status in (rules.OPEN, rules.CLOSED, rules.WITHDRAWN):
        query = query.where(Decision.status == status)
    if method in rules.METHODS:
        query = query.where(Decision.method == method)
    if outcome == rules.ADOPTED:
        query = query.where(Decision.outcome == rules.ADOPTED)
    elif outcome == "not_adopted":
        query = query.where(Decision.outcome.in_(NOT_ADOPTED))
    if text:
        query = query.where(
            or_(
                Decision.title.icontains(text, autoescape=True),
                Decision.proposal.icontains(text, autoescape=True),
            )
        )
    return query.options(joinedload(Decision.proposer), joinedload(Decision.meeting)).order_by(
        Decision.opened_at.desc(), Decision.id.desc()
    )


def my_stances(user, decision_ids):
    """``{decision_id: kind}`` for this member on the decisions shown (one query)."""
    if not decision_ids:
        return {}
    rows = db.session.execute(
        select(Stance.decision_id, Stance.kind).where(
            Stance.member_id == user.id, Stance.decision_id.in_(decision_ids)
        )
    )
    return {decision_id: kind for decision_id, kind in rows}


def my_drafts(user):
    return db.session.scalars(
        select(Decision)
        .where(Decision.status == rules.DRAFT, Decision.proposer_id == user.id)
        .order_by(Decision.created_at.desc())
        .limit(20)
    ).all()


def waiting_for(user, now, limit=5):
    """Open decisions this member has not taken part in, closing soonest first.

    An advice process the member proposed waits for them too: for their decision.
    """
    took_part = exists().where(Stance.decision_id == Decision.id, Stance.member_id == user.id)
    own_advice = and_(Decision.method == rules.ADVICE, Decision.proposer_id == user.id)
    return db.session.scalars(
        select(Decision)
        .where(
            Decision.status == rules.OPEN,
            Decision.closes_at > now,
            or_(own_advice, ~took_part),
        )
        .order_by(Decision.closes_at, Decision.id)
        .limit(limit + 1)
    ).all()


def today():
    return datetime.now(network_zone()).date()


def reviews_due(on=None, before=timedelta(days=7), after=timedelta(days=30)):
    """Adopted decisions whose review date is within a week, or passed this past month."""
    on = on or today()
    return db.session.scalars(
        select(Decision)
        .where(
            Decision.outcome == rules.ADOPTED,
            Decision.review_on.is_not(None),
            Decision.review_on <= on + before,
            Decision.review_on >= on - after,
        )
        .order_by(Decision.review_on, Decision.id)
        .limit(5)
    ).all()


def with_review_dates(since: date | None = None):
    """Adopted decisions with a review date, for the calendar feed (``review_events``)."""
    query = select(Decision).where(
        Decision.outcome == rules.ADOPTED, Decision.review_on.is_not(None)
    )
    if since is not None:
        query = query.where(Decision.review_on >= since)
    return db.session.scalars(query.order_by(Decision.review_on)).all()
