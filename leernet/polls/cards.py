"""Home card: open date polls still waiting for my answer."""

from sqlalchemy import exists, select

from ..extensions import db
from ..home import card
from .models import DatePoll, PollAnswer, PollOption


@card("polls", "polls/_card.html", order=20, lazy=True)
def open_polls_card(user):
    mine = (
        select(PollAnswer.id)
        .join(PollOption, PollOption.id == PollAnswer.option_id)
        .where(PollOption.poll_id == DatePoll.id, PollAnswer.user_id == user.id)
    )
    polls = db.session.scalars(
        select(DatePoll)
        .where(DatePoll.closed_at.is_(None), ~exists(mine))
        .order_by(DatePoll.created_at.desc(), DatePoll.id.desc())
        .limit(3)
    ).all()
    return {"polls": polls} if polls else None
