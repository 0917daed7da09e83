"""Demo notices: what passes through a cultural network's group chat in a few weeks."""

from datetime import timedelta

from ..demo import step
from ..timeutil import utcnow
from ..value.figures import local_today
from .items import post, reply, settle
from .models import CLOSED, FILLED

# (poster, kind, title, text, link, days ago, days left, tags, [(replier, text)], settled)
# People by index in context["members"]: 0 Anouk, 1 Sanne, 2 Daan, 3 Fatima, 4 Bram,
# 5 Lotte, 6 Jeroen, 7 Noor, 8 Ruben, 9 Emma, 10 Yusuf, 11 Iris, 12 Thomas, 13 Sophie.
NOTICES = [
    (4, "vacancy", "Zakelijk leider (0,6 fte) voor een jeugdtheatergezelschap",
     "We zoeken per 1 maart een **zakelijk leider** die de meerjarige aanvraag mee wil "
     "schrijven. Reageer hier of bel me.", "https://example.org/vacatures/zakelijk-leider",
     12, 20, "financiën, subsidies",
     [(3, "Ik ken iemand die net een tournee afrondt. Ik stuur je haar naam."),
      (0, "Deel je hem ook in de groepsapp? Dan zien de oud-leden hem ook.")], None),
    (3, "paid", "Projectleider gezocht voor een festival in Rotterdam",
     "Betaalde opdracht van drie maanden, twee dagen per week. "
     "Ervaring met vrijwilligers is een pré.",
     "", 30, -3, "projectleiding", [(5, "Ik heb gereageerd, dank voor de tip!")], FILLED),
    (10, "collaboration", "Wie schrijft mee aan een brief aan de minister over fair pay?",
     "Met een paar netwerken willen we samen een brief sturen. Wie denkt mee over de tekst?",
     "", 5, 14, "fair practice, governance",
     [(11, "Ik doe mee, ik heb de cijfers van onze sector."), (8, "Ik kijk juridisch mee.")], None),
    (13, "event", "Studiedag publieksonderzoek bij het LKCA",
     "Een dag over publieksonderzoek met voorbeelden uit musea en podia.",
     "https://example.org/studiedag", 3, 25, "marketing, publieksbereik", [], None),
    (0, "announcement", "Nieuw protocol voor ongewenst gedrag gedeeld in de bibliotheek",
     "Het protocol dat we vorige maand bespraken staat nu in de bibliotheek. Gebruik het gerust.",
     "", 2, 30, "governance", [], None),
    (6, "unpaid", "Vrijwillige technicus voor een benefietavond",
     "Een avond licht en geluid voor een goed doel.", "", 40, -10, "techniek", [], CLOSED),
]  # fmt: skip


@step(72)
def board(context):
    members = context["members"]
    now, today = utcnow(), local_today()
    for poster, kind, title, text, link, ago, left, tags, replies, settled in NOTICES:
        item = post(members[poster], kind, title, text, link, today + timedelta(days=left), tags)
        item.created_at = item.updated_at = now - timedelta(days=ago)
        for offset, (who, words) in enumerate(replies, 1):
            item.ends_on, ends = today + timedelta(days=1), item.ends_on  # open while replying
            answer = reply(members[who], item, words)
            answer.created_at = item.created_at + timedelta(hours=6 * offset)
            item.ends_on = ends
        if settled:
            settle(item, settled)
            item.settled_at = item.created_at + timedelta(days=7)
