"""Demo questions: what members of a cultural network ask each other, with answers."""

from datetime import timedelta

from ..demo import step
from ..timeutil import utcnow
from .board import answer, ask, mark_helpful

# (asker, title, body, days ago, [(answerer, text)], index of the helpful answer or None)
# People by index in context["members"]: 0 Anouk, 1 Sanne, 2 Daan, 3 Fatima, 4 Bram,
# 5 Lotte, 6 Jeroen, 7 Noor, 8 Ruben, 9 Emma, 10 Yusuf, 11 Iris, 12 Thomas, 13 Sophie.
QUESTIONS = [
    (4, "Wie heeft al eens bij het Fonds Podiumkunsten aangevraagd?",
     "We willen volgend jaar een **meerjarige** aanvraag doen. Wie wil zijn ervaringen delen?",
     75, [(3, "Ik, twee keer. Begin op tijd met het dekkingsplan: dat vroegen ze als eerste."),
          (0, "Kijk ook naar de checklist in de bibliotheek, die hebben we vorig jaar gemaakt.")],
     0),
    (13, "Hoe gaan jullie om met de Fair Practice Code bij freelancers?",
     "Betalen jullie altijd volgens de richtlijnen van de Kunstenbond?", 40,
     [(11, "We gebruiken de zelftoets elk jaar met het hele team. Tarieven staan in de begroting "
           "vóór we aanvragen; dan kun je er niet meer onderuit.")], None),
    (12, "Ervaring met Creative Europe samenwerkingsprojecten?",
     "We zoeken partners in België en Duitsland voor een filmeducatieproject.", 6, [], None),
    (2, "Welk systeem gebruiken jullie voor de publieksadministratie?", "", 20,
     [(10, "Wij zijn van Excel overgestapt naar een CRM. Let op de verwerkersovereenkomst (AVG)."),
      (7, "Wij koppelen het aan de kaartverkoop, dan hoef je niets dubbel in te voeren.")], 0),
    (1, "Tips voor het gesprek over de cao met een klein team?", "", 12,
     [(9, "Bereid het voor als intervisievraag, dat gaf mij veel helderheid.")], None),
    (5, "Wie kent een goede jurist voor auteursrecht bij podcasts?",
     "Het gaat om muziekgebruik en interviews.", 3, [], None),
]  # fmt: skip


@step(70)
def questions(context):
    members = context["members"]
    now = utcnow()
    for asker, title, body, days, answers, helpful in QUESTIONS:
        question = ask(members[asker], title, body)
        question.created_at = question.updated_at = now - timedelta(days=days)
        made = []
        for offset, (author, text) in enumerate(answers, 1):
            item = answer(members[author], question, text)
            item.created_at = question.created_at + timedelta(hours=5 * offset)
            made.append(item)
        if helpful is not None:
            mark_helpful(question, made[helpful])
            question.solved_at = made[helpful].created_at + timedelta(days=1)
