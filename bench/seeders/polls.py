"""Date-finding polls: most closed long ago, the latest few still open, with answers."""

from datetime import timedelta

from sqlalchemy import insert

from leernet.extensions import db
from leernet.polls.models import DatePoll, PollAnswer, PollOption

from . import seeder

OPTIONS = 4
ANSWERING = 20
OPEN_LAST = 3


@seeder(85)
def polls(context):
    rand, now, count = context["random"], context["now"], context["size"]["polls"]
    members = context["member_ids"]
    polls, options, answers = [], [], []
    for n in range(1, count + 1):
        made = now - timedelta(days=10 * (count - n) + 1)
        polls.append(
            {
                "id": n,
                "title": f"Wanneer komen we bij elkaar? ({n})",
                "kind": "network",
                "created_by_id": 1,
                "created_at": made,
                "closed_at": None if n > count - OPEN_LAST else made + timedelta(days=5),
            }
        )
        for k in range(OPTIONS):
            option_id = len(options) + 1
            starts = made + timedelta(days=14 + 7 * k)
            options.append(
                {
                    "id": option_id,
                    "poll_id": n,
                    "starts_at": starts,
                    "ends_at": starts + timedelta(hours=3),
                }  # fmt: skip
            )
            answers += [
                {
                    "option_id": option_id,
                    "user_id": user_id,
                    "answered_at": made,
                    "answer": rand.choice(("yes", "ifneedbe", "no")),
                }  # fmt: skip
                for user_id in rand.sample(members, min(ANSWERING, len(members)))
            ]
    db.session.execute(insert(DatePoll), polls)
    db.session.execute(insert(PollOption), options)
    db.session.execute(insert(PollAnswer), answers)
    context["values"]["poll_id"] = count
