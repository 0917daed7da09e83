"""Ask the network: questions over the years, most answered, some solved."""

from datetime import timedelta

from sqlalchemy import insert

from leernet.extensions import db
from leernet.questions.models import Answer, Question

from . import seeder
from .members import TAGS


@seeder(55)
def questions(context):
    rand, now, count = context["random"], context["now"], context["size"]["questions"]
    members = context["member_ids"]
    rows, answers = [], []
    for n in range(1, count + 1):
        asked = now - timedelta(hours=20 * (count - n) + 2)
        answered = rand.randint(0, 3) if n < count else 2  # the page measured has answers
        helpful = answered and n % 2 == 0  # half are solved, the rest stay open
        rows.append(
            {
                "id": n,
                "title": f"Wie heeft ervaring met {rand.choice(TAGS)}? ({n})",
                "body": "Ik zoek iemand die dit al eens heeft gedaan. *Alle tips welkom.*",
                "asked_by_id": rand.choice(members),
                "created_at": asked,
                "updated_at": asked,
                "solved_at": asked + timedelta(hours=1) if helpful else None,
            }
        )
        for k in range(answered):
            answers.append(
                {
                    "question_id": n,
                    "body": "Ja, bel me even. Ik heb een voorbeeld dat je mag gebruiken.",
                    "author_id": rand.choice(members),
                    "helpful": bool(helpful) and k == 0,
                    "created_at": asked + timedelta(minutes=30 * (k + 1)),
                }
            )
    db.session.execute(insert(Question), rows)
    if answers:
        db.session.execute(insert(Answer), answers)
    context["values"]["question_id"] = count
