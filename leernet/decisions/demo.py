"""Demo decisions: every method and every outcome over the past year, and one open now.

Outcomes are computed by the same rules as in real use, from the stances set here.
"""

from datetime import timedelta

from ..demo import step
from ..extensions import db
from ..timeutil import utcnow
from . import rules
from .models import Decision, DecisionVersion, Stance
from .queries import today

# (title, method, proposal, background, days ago it closed, {extra}, [stances])
# A stance is (member index, kind, reason); the proposer is members[extra["by"]].
# fmt: off
DECISIONS = [
    (
        "Vaste bijeenkomst op de eerste dinsdag van de maand",
        rules.CONSENT,
        "We komen voortaan elke **eerste dinsdag van de maand** bijeen, van 15.00 tot 17.30 "
        "uur, afwisselend bij een van de organisaties van de leden.",
        "Een vaste dag maakt plannen makkelijker; zzp'ers kunnen er hun week omheen bouwen.",
        320,
        {"by": 0, "review": -140},
        [(1, "agree", ""), (2, "agree", ""), (3, "no_objection", ""), (4, "agree", ""),
         (5, "no_objection", ""), (6, "agree", "")],
    ),
    (
        "Intervisie alleen in kleine groepen van vier",
        rules.CONSENT,
        "Intervisie doen we voortaan alleen in groepen van maximaal vier deelnemers.",
        "",
        260,
        {"by": 4},
        [(1, "agree", ""), (2, "objection",
          "Met vier mensen kun je de roddelmethode niet goed doen: je hebt minstens vijf "
          "deelnemers nodig voor de rollen."), (7, "no_objection", "")],
    ),
    (
        "Gastsprekers krijgen een vergoeding",
        rules.CONSENT,
        "Gastsprekers krijgen een vergoeding van € 150 plus reiskosten.",
        "Fair practice: we vragen van anderen wat we van onszelf vragen.",
        200,
        {"by": 11, "amended": (
            "Gastsprekers krijgen een vergoeding van € 150 plus reiskosten, betaald uit de "
            "bijdrage van de deelnemende organisaties; zzp'ers betalen niet mee.",
            "Na het bezwaar van Bram: de kosten liggen bij de organisaties, niet bij zzp'ers."),
         "review": 5},
        [(4, "no_objection", ""), (3, "agree", ""), (7, "agree", ""), (12, "agree", "")],
    ),
    (
        "Jaarlijkse bijdrage van € 250 per organisatie",
        rules.MAJORITY,
        "Elke deelnemende organisatie betaalt € 250 per jaar; zzp'ers zijn vrijgesteld.",
        "Daarmee betalen we zaalhuur, koffie en twee gastsprekers per jaar.",
        150,
        {"by": 4, "quorum": 50, "threshold": rules.TWO_THIRDS},
        [(0, "yes", ""), (1, "yes", ""), (2, "yes", ""), (3, "yes", ""), (5, "yes", ""),
         (6, "yes", ""), (7, "no", "Voor kleine stichtingen is dit te veel."),
         (8, "abstain", ""), (9, "yes", ""), (10, "yes", "")],
    ),
    (
        "Een gezamenlijk LinkedIn-account voor het netwerk",
        rules.MAJORITY,
        "We openen een LinkedIn-pagina voor het netwerk en posten maandelijks.",
        "",
        120,
        {"by": 2, "quorum": 40, "threshold": rules.SIMPLE},
        [(2, "yes", ""), (3, "no", "Wie gaat dat bijhouden?"), (5, "yes", ""),
         (8, "no", "Ons netwerk is juist een veilige plek, niet een etalage."),
         (10, "no", ""), (13, "yes", ""), (14, "abstain", "")],
    ),
    (
        "Zomerbijeenkomst op locatie in Rotterdam",
        rules.MAJORITY,
        "De bijeenkomst van juli houden we op locatie bij het Nieuwe Instituut in Rotterdam.",
        "",
        90,
        {"by": 12, "quorum": 60, "threshold": rules.SIMPLE},
        [(12, "yes", ""), (6, "yes", ""), (1, "abstain", "")],
    ),
    (
        "Vertrouwelijkheid van intervisie vastleggen",
        rules.CONSENSUS,
        "Wat in intervisie wordt besproken, blijft in de groep. Verslagen bevatten geen "
        "namen en geen herleidbare details van casussen.",
        "",
        240,
        {"by": 9, "review": 125},
        [(0, "agree", ""), (1, "agree", ""), (2, "stand_aside", "Ik snap het, maar twijfel."),
         (3, "agree", ""), (5, "agree", ""), (6, "agree", ""), (11, "agree", "")],
    ),
    (
        "Alle bijeenkomsten voortaan online",
        rules.CONSENSUS,
        "Om reistijd te sparen houden we alle bijeenkomsten voortaan online.",
        "",
        60,
        {"by": 10},
        [(10, "agree", ""), (5, "agree", ""), (1, "block",
          "Het vertrouwen in dit netwerk is ontstaan in dezelfde ruimte. Online intervisie "
          "over gevoelige casussen voelt voor mij niet veilig.")],
    ),
    (
        "Een gezamenlijke studiereis naar Gent",
        rules.CONSENSUS,
        "We maken in het voorjaar samen een tweedaagse studiereis naar Gent.",
        "",
        75,
        {"by": 13},
        [(13, "stand_aside", "Ik heb het voorgesteld, maar de agenda's zitten vol."),
         (6, "stand_aside", ""), (14, "stand_aside", "Geen budget dit jaar.")],
    ),
    (
        "Nieuwe opzet van de website van het netwerk",
        rules.ADVICE,
        "Ik laat de website opnieuw opzetten met een ledenlijst en een agenda.",
        "Yusuf heeft aangeboden dit te trekken; ik vraag advies over de aanpak.",
        45,
        {"by": 10, "advice": (True, "We gaan door, maar zonder openbare ledenlijst.",
                              "Sanne en Ruben wezen op de AVG: een openbare ledenlijst vraagt "
                              "toestemming van iedereen. Dat advies volg ik; de lijst komt "
                              "achter de inlog.")},
        [(1, "concern", "Let op de AVG bij een openbare ledenlijst."),
         (8, "concern", "Vraag per lid toestemming voor publicatie."),
         (13, "support", "Goed idee, ik denk graag mee over de teksten.")],
    ),
    (
        "Samenwerking met de hogeschool over stageplekken",
        rules.ADVICE,
        "Ik verken een samenwerking met de hogeschool voor stageplekken bij leden.",
        "",
        30,
        {"by": 5},
        [(3, "support", "Doen, de HKU zoekt dit ook.")],
    ),
    (
        "Een gezamenlijke subsidieaanvraag bij het Fonds Cultuurparticipatie",
        rules.CONSENT,
        "We dienen samen een aanvraag in voor een leertraject over fair practice.",
        "",
        20,
        {"by": 3, "withdrawn": True},
        [(0, "agree", "")],
    ),
]

OPEN = (
    "Een buddy voor nieuwe leden",
    rules.CONSENT,
    "Elk nieuw lid krijgt de eerste drie maanden een **buddy**: een ervaren lid dat "
    "uitlegt hoe het netwerk werkt en meegaat naar de eerste bijeenkomst.\n\n"
    "- de coördinator koppelt\n- buddy's melden zich vrijwillig aan",
    "Nieuwe leden haken soms af na één bijeenkomst; een vast aanspreekpunt helpt.",
    {"by": 9, "review": 120},
    [(0, "agree", ""), (3, "agree", "Mooi initiatief."), (11, "no_objection", "")],
)

# fmt: on


def _build(members, title, method, proposal, background, closed_days, extra, stances):
    now = utcnow()
    closes_at = now - timedelta(days=closed_days)
    opened_at = closes_at - timedelta(days=10)
    decision = Decision(
        title=title,
        proposal=proposal,
        background=background,
        method=method,
        status=rules.OPEN,
        proposer_id=members[extra["by"]].id,
        quorum=extra.get("quorum", 50),
        threshold=extra.get("threshold", rules.SIMPLE),
        created_at=opened_at - timedelta(days=1),
        opened_at=opened_at,
        closes_at=closes_at,
        reminded_at=closes_at - timedelta(hours=24),
    )
    db.session.add(decision)
    db.session.flush()
    db.session.add(
        DecisionVersion(decision_id=decision.id, number=1, proposal=proposal, created_at=opened_at)
    )
    if "amended" in extra:
        text, note = extra["amended"]
        decision.version, decision.proposal = 2, text
        db.session.add(
            DecisionVersion(
                decision_id=decision.id,
                number=2,
                proposal=text,
                note=note,
                created_at=opened_at + timedelta(days=4),
            )
        )
    for offset, (index, kind, reason) in enumerate(stances):
        moment = opened_at + timedelta(hours=5 + offset * 7)
        db.session.add(
            Stance(
                decision_id=decision.id,
                member_id=members[index].id,
                kind=kind,
                reason=reason,
                version=decision.version,
                created_at=moment,
                updated_at=moment,
            )
        )
    return decision


def _close(decision, members, stances, extra):
    plain = [rules.Stance(members[i].id, kind, decision.version) for i, kind, _r in stances]
    final = rules.tally(decision.method, plain, len(members), decision.version)
    decision.final_tally = final.as_record()
    decision.status = rules.CLOSED
    decision.closed_at = decision.closes_at
    if "advice" in extra:
        adopted, resolution, weighing = extra["advice"]
        decision.outcome = rules.ADOPTED if adopted else rules.REJECTED
        decision.resolution, decision.weighing = resolution, weighing
        decision.closed_at = decision.closes_at - timedelta(days=2)
    else:
        decision.outcome = rules.outcome(final, decision.quorum, decision.threshold)
    if "review" in extra and decision.outcome == rules.ADOPTED:
        decision.review_on = today() + timedelta(days=extra["review"])


@step(60)
def decisions(context):
    members = context["members"]
    for title, method, proposal, background, days, extra, stances in DECISIONS:
        decision = _build(members, title, method, proposal, background, days, extra, stances)
        if extra.get("withdrawn"):
            decision.status, decision.closed_at = rules.WITHDRAWN, decision.closes_at
        else:
            _close(decision, members, stances, extra)
    title, method, proposal, background, extra, stances = OPEN
    decision = _build(members, title, method, proposal, background, -4, extra, stances)
    decision.reminded_at = None
    decision.review_on = today() + timedelta(days=extra["review"])
    context["decisions"] = decision
