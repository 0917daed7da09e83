"""The questions a member asked and the answers they gave, in their data export."""

from sqlalchemy import select

from ..extensions import db
from ..members.export import section, stamp
from .models import Answer, Question


@section("questions")
def questions_section(user):
    rows = db.session.scalars(
        select(Question).where(Question.asked_by_id == user.id).order_by(Question.id)
    )
    return [
        {
            "title": q.title,
            "body": q.body,
            "asked": stamp(q.created_at),
            "solved": stamp(q.solved_at),
        }
        for q in rows
    ]


@section("answers")
def answers_section(user):
    rows = db.session.scalars(select(Answer).where(Answer.author_id == user.id).order_by(Answer.id))
    return [
        {
            "question": a.question.title,
            "body": a.body,
            "helpful": a.helpful,
            "answered": stamp(a.created_at),
        }
        for a in rows
    ]
