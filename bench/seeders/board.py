"""The network talks: notices with replies and tags, comments on proposals (the measured
decision among them), and learning wishes beside every member's expertise."""

from datetime import timedelta

from sqlalchemy import insert

from leernet.board.models import BoardItem, BoardReply, board_item_tags
from leernet.discussion.models import ProposalComment
from leernet.extensions import db
from leernet.members.models import user_wishes

from . import seeder
from .members import TAGS

KINDS = ("vacancy", "paid", "unpaid", "collaboration", "event", "announcement")
STATES = ("open", "open", "open", "filled", "closed")
MEASURED_THREAD = 25


@seeder(57)
def board(context):
    rand, now, count = context["random"], context["now"], context["size"]["board_items"]
    members = context["member_ids"]
    items, tags, replies = [], [], []
    for n in range(1, count + 1):
        posted = now - timedelta(hours=9 * (count - n) + 1)
        items.append(
            {
                "id": n,
                "kind": KINDS[n % len(KINDS)],
                "title": f"Gezocht: iemand voor {rand.choice(TAGS)} ({n})",
                "body": "Voor een project in het voorjaar. **Reageer hier** of bel me.",
                "link": "https://example.org/oproep" if n % 3 == 0 else "",
                "ends_on": (posted + timedelta(days=rand.randint(7, 60))).date(),
                "state": STATES[n % len(STATES)] if n < count else "open",
                "author_id": rand.choice(members),
                "created_at": posted,
                "updated_at": posted,
            }
        )
        tags += [{"item_id": n, "tag_id": t} for t in rand.sample(range(1, len(TAGS) + 1), 2)]
        for k in range(rand.randint(0, 4) if n < count else 3):
            replies.append(
                {
                    "item_id": n,
                    "body": "Ik ken iemand, ik stuur je een bericht.",
                    "author_id": rand.choice(members),
                    "created_at": posted + timedelta(minutes=20 * (k + 1)),
                }
            )
    db.session.execute(insert(BoardItem), items)
    db.session.execute(insert(board_item_tags), tags)
    if replies:
        db.session.execute(insert(BoardReply), replies)
    context["values"]["item_id"] = count


@seeder(62)
def comments(context):
    rand, now, count = context["random"], context["now"], context["size"]["comments"]
    members, measured = context["member_ids"], context["values"]["decision_id"]
    decisions = context["size"]["decisions"]
    rows = [
        {
            # the measured decision has the same thread in every network (more than the
            # page shows at first), the rest are spread over the others
            "decision_id": measured if n < MEASURED_THREAD else rand.randint(1, decisions),
            "version": 1,
            "body": "Wat betekent dit voor de kleinere organisaties?",
            "author_id": rand.choice(members),
            "created_at": now - timedelta(days=rand.randint(1, 60)),
        }
        for n in range(max(count, MEASURED_THREAD))
    ]
    db.session.execute(insert(ProposalComment), rows)
    db.session.execute(
        insert(user_wishes),
        [
            {"user_id": member, "tag_id": tag}
            for member in members
            for tag in rand.sample(range(1, len(TAGS) + 1), 2)
        ],
    )
