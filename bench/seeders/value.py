"""Value creation: check-outs after the meetings people attended, and value stories."""

from datetime import timedelta

from sqlalchemy import insert

from leernet.extensions import db
from leernet.value.models import COORDINATORS, NETWORK, CheckOut, Story

from . import seeder

CYCLES = ("immediate", "potential", "applied", "realised", "reframing")
CHECKED_OUT = 0.6  # share of attendees who do the check-out
TAKEAWAYS = ("", "Een nieuw contact", "Een idee voor mijn aanvraag")


def cycles(rand):
    return {name: rand.random() < 0.4 for name in CYCLES}


@seeder(80)
def checkouts(context):
    rand, meetings = context["random"], context["meetings"]
    member = context["user_ids"]["member"]
    rows = []
    for meeting_id in meetings["past"]:
        for user_id in meetings["attended"][meeting_id]:
            if user_id != member and rand.random() > CHECKED_OUT:
                continue
            at = meetings["starts"][meeting_id] + timedelta(hours=5)
            rows.append(
                {
                    "meeting_id": meeting_id,
                    "user_id": user_id,
                    "usefulness": rand.randint(2, 5),
                    "takeaway": rand.choice(TAKEAWAYS),
                    "created_at": at,
                    "updated_at": at,
                    **cycles(rand),
                }
            )
    db.session.execute(insert(CheckOut), rows)


@seeder(81)
def stories(context):
    rand, now, count = context["random"], context["now"], context["size"]["stories"]
    rows = []
    for n in range(1, count + 1):
        at = now - timedelta(days=2 * (count - n) + 1)
        meeting_id = rand.choice(context["meetings"]["past"])
        rows.append(
            {
                "id": n,
                "author_id": rand.choice(context["member_ids"]),
                "title": f"Hoe een gesprek in het netwerk mijn aanvraag redde ({n})",
                "text": "Na de intervisie durfde ik de begroting anders op te zetten. " * 3,
                "visibility": COORDINATORS if n % 7 == 0 else NETWORK,
                "link_kind": "meeting" if n % 2 else None,
                "link_id": meeting_id if n % 2 else None,
                "in_report": n % 5 == 0,
                "created_at": at,
                "updated_at": at,
                **cycles(rand),
            }
        )
    db.session.execute(insert(Story), rows)
    context["values"]["story_id"] = count
