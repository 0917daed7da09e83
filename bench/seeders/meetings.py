"""Meetings over the years, one going on now and some ahead, with answers and attendance.

Later seeders build on ``context["meetings"]``: which meetings are past, which one is
going on now (its intervision session runs while the benchmark polls it), who attended
which. The benchmark's member is an active one: there every third meeting and now.
"""

from datetime import timedelta

from sqlalchemy import insert

from leernet.extensions import db
from leernet.meetings.models import Attendance, Meeting, Rsvp

from . import seeder

KINDS = ("network", "intervision", "masterclass", "intervision", "informal", "intervision")
PLACES = ("De Balie, Amsterdam", "Het Nieuwe Instituut, Rotterdam", "TivoliVredenburg, Utrecht")
AGENDA = "**Programma**\n\n- 10:00 Inloop\n- 10:30 Rondje: wat speelt er?\n- 11:30 Thema-uur\n"
ANSWERED = 55  # members who answer a meeting: about 35 come, six or seven groups of five
MEMBER_EVERY = 3
PAST_SHARE = 0.8


@seeder(30)
def meetings(context):
    rand, now, count = context["random"], context["now"], context["size"]["meetings"]
    members, member = context["member_ids"], context["user_ids"]["member"]
    current = max(1, round(count * PAST_SHARE))
    step = timedelta(days=3 if count > 50 else 7)
    rows = []
    for n in range(1, count + 1):
        starts = now + (n - current) * step - timedelta(hours=1)
        kind = "intervision" if n == current else KINDS[n % len(KINDS)]
        rows.append(
            {
                "id": n,
                "uid": f"bench-meeting-{n}@leernet",
                "title": f"{kind.capitalize()} {n}",
                "kind": kind,
                "starts_at": starts,
                "ends_at": starts + timedelta(hours=4),
                "place": PLACES[n % len(PLACES)],
                "agenda": AGENDA,
                "host_id": 1,
                "created_by_id": 1,
                "created_at": starts - timedelta(days=30),
                "updated_at": starts - timedelta(days=30),
            }
        )
    db.session.execute(insert(Meeting), rows)
    rsvps, attendance, attended = [], [], {}
    for meeting in rows:
        held = meeting["id"] <= current
        people = [p for p in rand.sample(members, min(ANSWERED, len(members))) if p != member]
        if meeting["id"] % MEMBER_EVERY == 1 or meeting["id"] == current:
            people.append(member)
        for user_id in people:
            answer = "yes" if user_id == member else rand.choice(("yes", "yes", "maybe", "no"))
            said = meeting["starts_at"] - timedelta(days=rand.randint(2, 20))
            rsvps.append(
                {
                    "meeting_id": meeting["id"],
                    "user_id": user_id,
                    "answer": answer,
                    "waiting": False,
                    "said_yes_at": said if answer == "yes" else None,
                    "note": "",
                    "updated_at": said,
                }
            )
            if held and answer != "no" and (user_id == member or rand.random() < 0.85):
                attended.setdefault(meeting["id"], []).append(user_id)
                attendance.append(
                    {
                        "meeting_id": meeting["id"],
                        "user_id": user_id,
                        "checked_in_at": meeting["starts_at"] + timedelta(minutes=5),
                        "checked_in_by_id": user_id,
                    }
                )
    db.session.execute(insert(Rsvp), rsvps)
    db.session.execute(insert(Attendance), attendance)
    past = [m["id"] for m in rows if m["id"] < current]
    context["meetings"] = {
        "past": past,
        "current": current,
        "attended": attended,
        "starts": {m["id"]: m["starts_at"] for m in rows},
    }
    context["values"]["meeting_id"] = past[-1]
    context["meetings"]["mine"] = [m for m in past if member in attended.get(m, ())]
