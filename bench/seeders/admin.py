"""Invitations and outbox messages, as a network collects them over the years."""

from datetime import timedelta

from sqlalchemy import insert

from leernet.admin.models import Invitation
from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.timeutil import utcnow

from . import seeder


@seeder(20)
def invitations_and_outbox(context):
    size, now = context["size"], utcnow()
    members = size["members"]
    db.session.execute(
        insert(Invitation),
        [
            {
                "id": n,
                "token": f"bench-invitation-{n}",
                "name": f"Genodigde {n}",
                "created_by_id": 1,
                "created_at": now - timedelta(hours=n),
                "expires_at": now + timedelta(days=14) - timedelta(hours=n),
                "used_by_id": (n % members) + 1 if n % 3 == 0 else None,
                "used_at": now - timedelta(hours=n - 1) if n % 3 == 0 else None,
            }
            for n in range(1, size["invitations"] + 1)
        ],
    )
    db.session.execute(
        insert(OutboxMessage),
        [
            {
                "id": n,
                "kind": "invitation",
                "to_email": f"lid{(n % members) + 1}@example.nl",
                "user_id": (n % members) + 1,
                "subject": f"Uitnodiging {n}",
                "body": "Je bent uitgenodigd voor het leernetwerk.\n" * 3,
                "link": f"http://127.0.0.1:5000/join/bench-invitation-{n}",
                "created_at": now - timedelta(minutes=n),
            }
            for n in range(1, size["messages"] + 1)
        ],
    )
