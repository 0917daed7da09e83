"""Minutes of every past meeting (two revisions; approved, the latest few still shared)
and action items from them, some done, some overdue."""

from datetime import timedelta

from sqlalchemy import insert

from leernet.extensions import db
from leernet.minutes import rules
from leernet.minutes.models import ActionItem, Minutes, MinutesEvent, MinutesRevision

from . import seeder

TEXT = "## Rondje\n\nIedereen vertelde wat speelt.\n\n## Afspraken\n\n- Begroting delen\n"
SHARED_LAST = 5  # the most recent minutes wait for approval
MINE = 100  # every 100th action is the benchmark member's: a handful, as for anyone active


@seeder(70)
def minutes(context):
    rand, meetings, now = context["random"], context["meetings"], context["now"]
    rows, revisions, events = [], [], []
    held = meetings["past"]
    for n, meeting_id in enumerate(held, 1):
        taker = rand.choice(meetings["attended"][meeting_id])
        written = now - timedelta(days=3 * (len(held) - n) + 1)
        approved = n <= len(held) - SHARED_LAST
        rows.append(
            {
                "id": n,
                "subject_kind": "meeting",
                "subject_id": meeting_id,
                "meeting_id": meeting_id,
                "state": rules.APPROVED if approved else rules.SHARED,
                "visibility": rules.ATTENDEES,
                "head": 2,
                "text": TEXT * 2,
                "taker_id": taker,
                "locked_by_id": 1 if approved else None,
                "locked_at": written if approved else None,
                "created_at": written,
                "updated_at": written,
            }
        )
        revisions += [
            {
                "minutes_id": n,
                "number": number,
                "text": TEXT * number,
                "author_id": taker,
                "note": "",
                "created_at": written,
            }  # fmt: skip
            for number in (1, 2)
        ]
        events += [
            {
                "minutes_id": n,
                "kind": kind,
                "user_id": 1,
                "revision": 2,
                "note": "",
                "created_at": written,
            }  # fmt: skip
            for kind in ("shared", "approved")[: 2 if approved else 1]
        ]
    db.session.execute(insert(Minutes), rows)
    db.session.execute(insert(MinutesRevision), revisions)
    db.session.execute(insert(MinutesEvent), events)
    actions(context, rows)
    read = meetings["mine"][-1]  # the member's latest meeting: they may read its minutes
    context["values"]["minutes_id"] = next(m["id"] for m in rows if m["meeting_id"] == read)


def actions(context, minutes):
    rand, now, count = context["random"], context["now"], context["size"]["actions"]
    member = context["user_ids"]["member"]
    rows = []
    for n in range(1, count + 1):
        source = minutes[n % len(minutes)]
        due = (now + timedelta(days=rand.randint(-60, 60))).date()
        rows.append(
            {
                "what": f"Voorbeeldbegroting rondsturen ({n})",
                "owner_id": member if n % MINE == 0 else rand.choice(context["member_ids"]),
                "due_on": due,
                "done_at": now - timedelta(days=1) if n % 3 == 0 else None,
                "meeting_id": source["meeting_id"],
                "minutes_id": source["id"],
                "created_by_id": source["taker_id"],
                "created_at": source["created_at"],
                "updated_at": source["created_at"],
            }
        )
    db.session.execute(insert(ActionItem), rows)
