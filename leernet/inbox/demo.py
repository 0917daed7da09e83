"""Demo inboxes: what the features would have sent while the demo year happened.

Sent through the features' own notices (so the demo shows the real texts and
recipients): the open date poll to every member, open proposals to all who may take a
stance, recent questions to the members they suggest. About a third of the older ones
are already read; each member's newest is not.
"""

from sqlalchemy import select

from ..decisions import notices as decision_notices
from ..decisions.models import Decision
from ..demo import step
from ..extensions import db
from ..mail import OutboxMessage
from ..polls import notices as poll_notices
from ..polls.models import DatePoll
from ..questions import notices as question_notices
from ..questions.models import Question
from ..timeutil import utcnow


@step(95)
def inboxes(context):
    rng = context["random"]
    for poll in db.session.scalars(select(DatePoll).where(DatePoll.closed_at.is_(None))):
        if poll.created_by is not None:
            poll_notices.poll_opened(poll, poll.created_by)
    for decision in db.session.scalars(select(Decision).where(Decision.status == "open")):
        decision_notices.proposal_opened(decision)
    recent = select(Question).order_by(Question.created_at.desc()).limit(3)
    for question in db.session.scalars(recent):
        if question.asked_by is not None:
            question_notices.question_asked(question, question.asked_by)
    db.session.flush()
    now = utcnow()
    unread = select(OutboxMessage).where(OutboxMessage.read_at.is_(None))
    seen = set()
    for message in db.session.scalars(unread.order_by(OutboxMessage.id.desc())):
        if message.user_id in seen and rng.random() < 0.33:  # each member's newest stays new
            message.read_at = now
        seen.add(message.user_id)
