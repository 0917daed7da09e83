"""Members with expertise tags, and the network they belong to."""

from sqlalchemy import insert

from leernet.admin.models import Network
from leernet.extensions import db
from leernet.members.models import ExpertiseTag, User, user_tags
from leernet.security import hash_password

from . import PASSWORD, seeder

FIRST = ["Anouk", "Sanne", "Daan", "Fatima", "Bram", "Lotte", "Jeroen", "Noor", "Ruben", "Emma"]
LAST = ["de Vries", "Jansen", "El Amrani", "Visser", "Bakker", "Smit", "Mulder", "van Dijk"]
TAGS = (
    ["subsidies", "hr", "cao", "marketing", "publieksbereik", "financiën", "begroten"]
    + ["educatie", "techniek", "productie", "fondsenwerving", "juridisch", "auteursrecht"]
    + ["coaching", "intervisie", "digitalisering", "fair practice", "governance", "pers"]
    + ["programmering", "communicatie", "duurzaamheid", "touren", "internationaal"]
)


@seeder(10)
def members(context):
    rand, count = context["random"], context["size"]["members"]
    db.session.add(Network(id=1, name="Benchmarknetwerk", language="en"))
    password_hash = hash_password(PASSWORD)
    rows = [
        {
            "id": n,
            "email": f"lid{n}@example.nl",
            "name": f"{rand.choice(FIRST)} {rand.choice(LAST)} {n}",
            "password_hash": password_hash,
            "is_coordinator": n in (1, 2),
            "active": n % 50 != 0,
            "bio": "Zakelijk leider in de culturele sector. " * rand.randint(1, 4),
            "locale": "en",
        }
        for n in range(1, count + 1)
    ]
    db.session.execute(insert(User), rows)
    db.session.execute(
        insert(ExpertiseTag), [{"id": i, "name": name} for i, name in enumerate(TAGS, 1)]
    )
    db.session.execute(
        insert(user_tags),
        [
            {"user_id": n, "tag_id": tag}
            for n in range(1, count + 1)
            for tag in rand.sample(range(1, len(TAGS) + 1), 3)
        ],
    )
    context["logins"].update(coordinator=rows[0]["email"], member=rows[2]["email"])
    context["member_ids"] = [row["id"] for row in rows if row["active"]]
    context["user_ids"] = {"coordinator": rows[0]["id"], "member": rows[2]["id"]}
    context["values"]["member_id"] = rows[3]["id"]
