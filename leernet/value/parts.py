"""The parts value creation registers itself: my meetings, check-outs and stories in the
journey, and meetings, resources, questions and decisions as things a story can be about.
"""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..decisions.models import Decision
from ..extensions import db
from ..i18n import format_date
from ..meetings.models import Meeting
from ..questions.models import Question
from ..resources.models import Resource
from ..timeutil import utcnow
from . import queries
from .sources import journey_item, link_kind

RECENT = 30  # how many of each kind the story form offers


@journey_item(10)
def my_contributions(user):
    def present(values):
        attended, checkouts, stories = values
        return [
            (_l("Meetings attended"), attended),
            (_l("Check-outs given"), checkouts),
            (_l("Value stories told"), stories),
        ]

    return queries.my_counts(user), present


def _meeting_title(meeting):
    return f"{meeting.title} ({format_date(meeting.starts_at, 'medium')})"


def _meeting_options(_user):
    rows = db.session.scalars(
        select(Meeting)
        .where(Meeting.starts_at <= utcnow(), Meeting.cancelled_at.is_(None))
        .order_by(Meeting.starts_at.desc())
        .limit(RECENT)
    )
    return [(m.id, _meeting_title(m)) for m in rows]


def _meetings(_user, ids):
    rows = db.session.scalars(select(Meeting).where(Meeting.id.in_(ids)))
    return {m.id: (_meeting_title(m), url_for("meetings.detail", meeting_id=m.id)) for m in rows}


def _titled(model, order):
    def options(_user):
        query = select(model.id, model.title).order_by(order.desc()).limit(RECENT)
        if model is Decision:
            query = query.where(Decision.status != "draft")
        return [(row.id, row.title) for row in db.session.execute(query)]

    return options


def _resolver(model, endpoint, arg):
    def resolve(_user, ids):
        query = select(model.id, model.title).where(model.id.in_(ids))
        if model is Decision:  # someone else's draft does not exist for this viewer
            query = query.where(Decision.status != "draft")
        return {
            row.id: (row.title, url_for(endpoint, **{arg: row.id}))
            for row in db.session.execute(query)
        }

    return resolve


link_kind("meeting", _l("Meetings"), _meeting_options, _meetings)
link_kind(
    "resource",
    _l("Resources"),
    _titled(Resource, Resource.created_at),
    _resolver(Resource, "resources.detail", "resource_id"),
)
link_kind(
    "question",
    _l("Questions"),
    _titled(Question, Question.created_at),
    _resolver(Question, "questions.detail", "question_id"),
)
link_kind(
    "decision",
    _l("Decisions"),
    _titled(Decision, Decision.id),
    _resolver(Decision, "decisions.detail", "decision_id"),
)
