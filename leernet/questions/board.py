"""The rules of "ask the network": asking, answering, marking the helpful answer.

Only the asker marks an answer as helpful (one at a time); the asker or a coordinator
may change or remove a question, the author or a coordinator an answer.
"""

from datetime import timedelta

from sqlalchemy import func, select

from ..extensions import db
from ..members.models import ExpertiseTag, User, user_tags
from ..timeutil import utcnow
from .models import Answer, Question
from .suggest import matching_tags, rank_members

FILTERS = ("open", "all", "mine")


def ask(user, title, body):
    question = Question(title=title.strip(), body=(body or "").strip(), asked_by=user)
    db.session.add(question)
    return question


def answer(user, question, body):
    item = Answer(question=question, body=body.strip(), author=user)
    db.session.add(item)
    return item


def may_change_question(user, question):
    return user.is_coordinator or question.asked_by_id == user.id


def may_change_answer(user, item):
    return user.is_coordinator or item.author_id == user.id


def mark_helpful(question, item, helpful=True):
    """Mark ``item`` as the helpful answer (unmarking any other), or unmark it."""
    for other in question.answers:
        other.helpful = helpful and other is item
    question.solved_at = utcnow() if helpful else None


def remove_answer(item):
    question = item.question
    if item.helpful:
        question.solved_at = None
    db.session.delete(item)


def answer_counts(question_ids):
    """``{question_id: number of answers}`` for one page of questions, in one query."""
    if not question_ids:
        return {}
    rows = db.session.execute(
        select(Answer.question_id, func.count(Answer.id))
        .where(Answer.question_id.in_(question_ids))
        .group_by(Answer.question_id)
    )
    return dict(rows.all())


def listing(which, user):
    """Questions for the board, newest first."""
    query = select(Question)
    if which == "open":
        query = query.where(Question.solved_at.is_(None))
    elif which == "mine":
        query = query.where(Question.asked_by_id == user.id)
    return query.order_by(Question.created_at.desc(), Question.id.desc())


def suggestions(question, limit=5):
    """Members whose expertise tags match the question: ``[(User, [tags])]``."""
    text = f"{question.title} {question.body}"
    names = matching_tags(text, db.session.scalars(select(ExpertiseTag.name)).all())
    if not names:
        return []
    rows = db.session.execute(
        select(User.id, ExpertiseTag.name)
        .join(user_tags, user_tags.c.user_id == User.id)
        .join(ExpertiseTag, ExpertiseTag.id == user_tags.c.tag_id)
        .where(User.active.is_(True), User.erased.is_(False))
        .where(User.id.in_(select(user_tags.c.user_id).join(ExpertiseTag).where(
            ExpertiseTag.name.in_(names))))
    ).all()  # fmt: skip
    member_tags = {}
    for user_id, name in rows:
        member_tags.setdefault(user_id, []).append(name)
    ranked = rank_members(member_tags, names, exclude={question.asked_by_id}, limit=limit)
    chosen = [member_id for member_id, _hits in ranked]
    query = select(User).where(User.id.in_(chosen))
    users = {u.id: u for u in db.session.scalars(query)}
    return [(users[member_id], hits) for member_id, hits in ranked if member_id in users]


def questions_for(user, days=60, limit=3):
    """Recent unanswered questions by others that match ``user``'s expertise."""
    if not user.tags:
        return []
    recent = db.session.scalars(
        select(Question)
        .where(
            Question.asked_by_id != user.id,
            Question.created_at >= utcnow() - timedelta(days=days),
            ~select(Answer.id).where(Answer.question_id == Question.id).exists(),
        )
        .order_by(Question.created_at.desc())
        .limit(50)
    ).all()
    names = [tag.name for tag in user.tags]
    found = []
    for question in recent:
        hits = matching_tags(f"{question.title} {question.body}", names)
        if hits:
            found.append((question, hits))
    return found[:limit]
