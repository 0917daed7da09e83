"""A demo date poll: when shall we hold the summer meeting?"""

from datetime import time, timedelta

from ..demo import step
from ..extensions import db
from ..meetings import recurrence
from ..timeutil import utcnow
from .models import DatePoll, PollAnswer, PollOption


@step(25)
def date_poll(context):
    rng = context["random"]
    members = context["members"]
    poll = DatePoll(
        title="Zomerbijeenkomst: wanneer?",
        kind="network",
        description="Een middag buiten, met een rondleiding en een **picknick**. Welke datum past?",
        place="Landgoed Oostbroek, De Bilt",
        created_by_id=members[0].id,
        created_at=utcnow() - timedelta(days=3),
    )
    start = utcnow().date() + timedelta(days=40)
    for offset in (0, 2, 7, 9):
        begin, end = recurrence.span(
            start + timedelta(days=offset), time(14), time(18), "Europe/Amsterdam"
        )
        poll.options.append(PollOption(starts_at=begin, ends_at=end))
    db.session.add(poll)
    db.session.flush()
    for member in members[1:12]:
        for option in poll.options:
            choice = rng.choices(["yes", "ifneedbe", "no"], weights=[5, 2, 3])[0]
            db.session.add(PollAnswer(option_id=option.id, user_id=member.id, answer=choice))
