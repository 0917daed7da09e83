"""Demo value: check-outs after a year of meetings and Dutch value stories, so the
dashboard tells a story (usefulness creeps up; applied and realised value grow)."""

from datetime import timedelta

from sqlalchemy import select

from ..decisions.models import Decision
from ..demo import step
from ..extensions import db
from ..meetings.models import Attendance, Meeting
from ..questions.models import Question
from ..resources.models import Resource
from ..timeutil import utcnow
from . import cycles
from .models import COORDINATORS, NETWORK, CheckOut, Story

TAKEAWAYS = [
    "Eerst het dekkingsplan, dan pas het verhaal.",
    "Ik ga Noor bellen over crowdfunding.",
    "Fair pay begint bij de begroting, niet bij de onderhandeling.",
    "Vaker nee zeggen tegen gratis werk.",
    "Mijn vraag was eigenlijk een andere vraag.",
    "De incidentmethode werkt ook in mijn eigen team.",
    "Goede tip over de btw op kaartverkoop.",
    "Fijn om te horen dat anderen hier ook mee worstelen.",
    "Ik schrijf mijn activiteitenplan opnieuw, korter.",
    "Contact met Eva over Creative Europe.",
]

# (author index, days ago, title, text, cycles, visibility, link (kind, title start), in report)
# fmt: off
STORIES = [
    (3, 300, "De subsidietip uit de netwerkdag leverde ons project op",
     "Op de netwerkdag vertelde Anouk hoe zij een aanvraag bij het Fonds Cultuurparticipatie "
     "opbouwt. Ik heb mijn aanvraag daarna omgegooid: eerst het probleem, dan het project. "
     "Drie maanden later kwam de toekenning binnen.",
     (cycles.POTENTIAL, cycles.APPLIED, cycles.REALISED), NETWORK, ("meeting", "Netwerkdag"), True),
    (4, 240, "Onze begroting volgt nu de Fair Practice Code",
     "Na de masterclass over fair practice hebben we de honoraria in onze begroting "
     "herzien. Het bestuur schrok eerst, maar de fondsen waarderen het zichtbaar.",
     (cycles.APPLIED, cycles.REALISED), NETWORK, ("resource", "Fair Practice Code"), True),
    (1, 200, "Een lastig cao-gesprek werd een goed gesprek",
     "Ik zag erg op tegen het gesprek over de cao met ons kleine team. De tips op mijn vraag "
     "hier hielpen me het gesprek anders te openen: eerst luisteren, dan de cijfers.",
     (cycles.APPLIED,), NETWORK, ("question", "Tips voor het gesprek over de cao"), False),
    (12, 160, "Samen een Creative Europe-aanvraag",
     "Via het netwerk vond ik twee partners voor een Europese samenwerking. Zonder de "
     "bijeenkomsten hadden we elkaar nooit gevonden. De aanvraag ligt nu bij Brussel.",
     (cycles.POTENTIAL, cycles.APPLIED), NETWORK, None, True),
    (9, 120, "Intervisie in mijn eigen praktijk",
     "De methodes die we hier oefenen gebruik ik nu met de makers die ik coach. Ze vinden "
     "het prettig dat er een vaste structuur is.",
     (cycles.APPLIED, cycles.REFRAMING), NETWORK, None, False),
    (2, 90, "Minder posten, meer publiek",
     "Ik dacht dat we vaker moesten posten. Na een gesprek op de netwerkdag meten we nu wat "
     "werkt en posten we minder. Het bereik is gegroeid.",
     (cycles.IMMEDIATE, cycles.APPLIED, cycles.REALISED), NETWORK, ("meeting", "Netwerkdag"),
     True),
    (6, 60, "Ik zeg vaker nee",
     "Ik werkte jaren te goedkoop. Door de gesprekken hier durf ik een eerlijk tarief te "
     "vragen. Ik verdien niet alleen meer, ik kies ook beter wat ik doe.",
     (cycles.REALISED, cycles.REFRAMING), COORDINATORS, None, True),
    (11, 30, "Wat wij als succes zien, is veranderd",
     "Als festival keken we vooral naar bezoekersaantallen. Door het besluit over "
     "vergoedingen voor gastsprekers praten we nu ook over hoe we met makers omgaan.",
     (cycles.REFRAMING,), NETWORK, ("decision", "Gastsprekers krijgen"), False),
    (7, 10, "Een nieuwe fondsenwerver voor ons gezelschap",
     "Ik wist niet bij wie ik moest beginnen. In de ledenlijst vond ik Noor, en zij bracht "
     "me in contact met een fondsenwerver die nu twee dagen per week bij ons werkt.",
     (cycles.IMMEDIATE, cycles.POTENTIAL), NETWORK, None, False),
]
# fmt: on
LINKED = {"meeting": Meeting, "resource": Resource, "question": Question, "decision": Decision}


def _chance(base, growth, progress):
    return base + growth * progress


@step(80)
def checkouts(context):
    rng, now = context["random"], utcnow()
    past = [m for m in context.get("meetings", []) if not m.cancelled and m.ends_at < now]
    if not past:
        return
    first = min(m.starts_at for m in past)
    spread = max((now - first).days, 1)
    for meeting in past:
        progress = (meeting.starts_at - first).days / spread  # 0 a year ago, 1 now
        present = db.session.scalars(
            select(Attendance.user_id).where(Attendance.meeting_id == meeting.id)
        ).all()
        for user_id in present:
            if rng.random() > 0.75:
                continue
            score = rng.choices([2, 3, 4, 5], weights=[1, 4 - 2 * progress, 6, 2 + 3 * progress])[0]
            given = meeting.ends_at + timedelta(minutes=rng.randint(-15, 60 * 48))
            db.session.add(
                CheckOut(
                    meeting_id=meeting.id,
                    user_id=user_id,
                    usefulness=score,
                    immediate=rng.random() < 0.75,
                    potential=rng.random() < 0.55,
                    applied=rng.random() < _chance(0.1, 0.3, progress),
                    realised=rng.random() < _chance(0.03, 0.15, progress),
                    reframing=rng.random() < _chance(0.03, 0.1, progress),
                    takeaway=rng.choice(TAKEAWAYS) if rng.random() < 0.35 else "",
                    created_at=given,
                    updated_at=given,
                )
            )


@step(81)
def stories(context):
    members, now = context["members"], utcnow()
    for author, days, title, text, chosen, visibility, link, in_report in STORIES:
        told = now - timedelta(days=days, hours=author)
        story = Story(
            author_id=members[author].id,
            title=title,
            text=text,
            visibility=visibility,
            in_report=in_report,
            created_at=told,
            updated_at=told,
            **{key: key in chosen for key in cycles.KEYS},
        )
        if link:
            kind, start = link
            model = LINKED[kind]
            query = select(model.id).where(model.title.startswith(start))
            if kind == "meeting":
                query = query.where(Meeting.starts_at < told).order_by(Meeting.starts_at.desc())
            story.link_id = db.session.scalar(query.limit(1))
            story.link_kind = kind if story.link_id is not None else None
        db.session.add(story)
