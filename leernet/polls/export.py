"""A member's own date-poll answers in their export."""

from sqlalchemy import select

from ..extensions import db
from ..members.export import section, stamp
from .models import DatePoll, PollAnswer, PollOption


@section("date_polls")
def date_polls(user):
    rows = db.session.execute(
        select(PollAnswer.answer, PollOption.starts_at, DatePoll.title)
        .join(PollOption, PollOption.id == PollAnswer.option_id)
        .join(DatePoll, DatePoll.id == PollOption.poll_id)
        .where(PollAnswer.user_id == user.id)
        .order_by(DatePoll.id, PollOption.starts_at)
    ).all()
    return [
        {"poll": title, "date": stamp(starts), "answer": answer} for answer, starts, title in rows
    ]
