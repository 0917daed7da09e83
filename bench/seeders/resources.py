"""The resource library: links and notes with tags, some from meetings.

No files: the library lists them like links, and the benchmark measures pages, not
uploads. Each tag's ``uses`` is counted here as the library keeps it.
"""

from collections import Counter
from datetime import timedelta

from sqlalchemy import insert

from leernet.extensions import db
from leernet.resources.models import Resource, ResourceTag, resource_tag_link

from . import seeder
from .members import TAGS

TOPICS = ("aanvraag", "begroting", "contract", "handleiding", "checklist", "voorbeeld")
DESCRIPTION = "Handig bij het schrijven van een **aanvraag**; zie vooral het tweede deel.\n"


@seeder(50)
def resources(context):
    rand, now, count = context["random"], context["now"], context["size"]["resources"]
    members, past = context["member_ids"], context["meetings"]["past"]
    rows, links = [], []
    for n in range(1, count + 1):
        kind = "link" if n % 3 else "note"
        added = now - timedelta(hours=3 * (count - n) + 1)
        rows.append(
            {
                "id": n,
                "kind": kind,
                "title": f"{rand.choice(TOPICS).capitalize()} {rand.choice(TAGS)} {n}",
                "description": DESCRIPTION * rand.randint(1, 3),
                "url": f"https://voorbeeld.nl/bron/{n}" if kind == "link" else "",
                "added_by_id": rand.choice(members),
                "meeting_id": rand.choice(past) if n % 10 == 0 else None,
                "created_at": added,
                "updated_at": added,
            }
        )
        tags = rand.sample(range(1, len(TAGS) + 1), rand.randint(1, 3))
        links += [{"resource_id": n, "tag_id": tag} for tag in tags]
    uses = Counter(link["tag_id"] for link in links)
    db.session.execute(
        insert(ResourceTag),
        [{"id": i, "name": name, "uses": uses[i]} for i, name in enumerate(TAGS, 1)],
    )
    db.session.execute(insert(Resource), rows)
    db.session.execute(insert(resource_tag_link), links)
    context["values"]["resource_id"] = count
