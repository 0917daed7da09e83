"""Demo minutes (with revisions by several members), actions, and links from decisions and
resources to the meetings they belong to."""

from datetime import timedelta

from sqlalchemy import select

from ..decisions.models import Decision
from ..demo import step
from ..extensions import db
from ..meetings.attendance import attendee_ids
from ..resources.models import Resource
from ..timeutil import utcnow
from . import rules, service, subjects
from .models import ActionItem

NETWORK_DAY = [
    """**Aanwezig:** {present}

## Rondje
- Veel zorgen over de nieuwe subsidieronde
- {a} start bij een nieuw festival

## Thema: fair practice in de begroting
Honoraria volgens de richtlijn kosten meer dan gedacht.""",
    """**Aanwezig:** {present}

## Rondje: wat speelt er?
- Veel zorgen over de nieuwe subsidieronde van het Fonds Cultuurparticipatie.
- {a} is gestart als zakelijk leider bij een nieuw festival.

## Thema: fair practice in de begroting
Honoraria volgens de Fair Practice Code kosten gemiddeld 12% meer dan wat we nu betalen.
Tip: reken het verschil apart uit in het dekkingsplan, fondsen vragen ernaar.

## Afspraken
- We delen onze begrotingsmodellen in de bibliotheek.""",
    """**Aanwezig:** {present}

## Rondje: wat speelt er?
- Veel zorgen over de nieuwe subsidieronde van het Fonds Cultuurparticipatie.
- {a} is gestart als zakelijk leider bij een nieuw festival.

## Thema: fair practice in de begroting
Honoraria volgens de Fair Practice Code kosten gemiddeld 12% meer dan wat we nu betalen.
Tip: reken het verschil apart uit in het dekkingsplan, fondsen vragen ernaar.
Aanvulling van {b}: de Kunstenbond heeft een rekentool voor zzp-tarieven.

## Afspraken
- We delen onze begrotingsmodellen in de bibliotheek.
- Volgende netwerkdag: thema *werkdruk in kleine organisaties*.""",
]
INTERVISION = [
    """**Aanwezig:** {present}

Incidentmethode, één casus. Inhoud van de casus blijft in de groep.

## Proces
- Casus gekozen in 10 minuten
- Vragenronde liep uit""",
    """**Aanwezig:** {present}

We werkten met de incidentmethode aan één casus. De inhoud van de casus blijft in de groep;
hieronder alleen wat we over het proces afspraken.

## Proces
- Kiezen van de casus ging snel (10 minuten).
- De vragenronde liep uit: volgende keer strakker timen, {b} doet de tijd.

## Volgende keer
- {a} brengt een casus in over samenwerking met een nieuwe partner.""",
]
ACTIONS = [
    ("Begrotingsmodel delen in de bibliotheek", 10),
    ("Rekentool van de Kunstenbond rondsturen", -5),
    ("Zaal voor de volgende netwerkdag reserveren", 20),
    ("Casus voor de volgende intervisie voorbereiden", 14),
    ("Evaluatieformulier aanpassen", -12),
]


def _write(minutes, texts, writers, start, names):
    for index, text in enumerate(texts):
        author = writers[min(index, len(writers) - 1)]
        when = start + timedelta(hours=2 + index * 20)
        service.save(minutes, minutes.head, text.format(**names), author, when)
    return start + timedelta(hours=2 + len(texts) * 20)


@step(80)
def minutes(context):
    rng = context["random"]
    members = context["members"]
    by_id = {m.id: m for m in members}
    now = utcnow()
    subject = subjects.get("meeting")
    past = sorted(
        (m for m in context["meetings"] if m.ends_at < now and not m.cancelled),
        key=lambda m: m.starts_at,
    )[-7:]
    for position, meeting in enumerate(past):
        present = [by_id[i] for i in sorted(attendee_ids(meeting)) if i in by_id]
        if len(present) < 3:
            continue
        writers = rng.sample(present, 3)
        names = {
            "present": ", ".join(m.name for m in present),
            "a": writers[1].name,
            "b": writers[2].name,
        }
        doc = service.create(subject, meeting, writers[0].id)
        texts = NETWORK_DAY if meeting.kind != "intervision" else INTERVISION
        if position == len(past) - 1:
            texts = texts[:1]  # the latest: still a draft
        done = _write(doc, texts, writers, meeting.ends_at, names)
        host = by_id.get(meeting.host_id, members[0])
        if meeting.kind != "intervision":
            doc.visibility = rules.NETWORK
        if position < len(past) - 1:
            service.share(doc, writers[0], done)
        if position < len(past) - 2:
            service.approve(doc, host, doc.head, done + timedelta(days=3))
        for what, due in rng.sample(ACTIONS, 2):
            owner = rng.choice(present + [members[0]])
            db.session.add(
                ActionItem(
                    what=what,
                    owner_id=owner.id,
                    created_by_id=writers[0].id,
                    meeting_id=meeting.id,
                    minutes_id=doc.id,
                    due_on=(now + timedelta(days=due)).date(),
                    done_at=now - timedelta(days=2) if position < 2 else None,
                    created_at=done,
                )
            )
    if past:
        db.session.add(  # the coordinator's demo account has one overdue action
            ActionItem(
                what="Offerte voor de locatie van de netwerkdag opvragen",
                owner_id=members[0].id,
                created_by_id=members[9].id,
                meeting_id=past[-1].id,
                due_on=(now - timedelta(days=4)).date(),
            )
        )
    db.session.add(
        ActionItem(
            what="Jaarverslag van het netwerk schrijven voor de subsidiegever",
            owner_id=members[0].id,
            created_by_id=members[0].id,
            due_on=(now + timedelta(days=30)).date(),
        )
    )
    _link(past)


def _link(past):
    """Decisions and resources belong to the network day or masterclass before them."""
    meetings = [m for m in past if m.kind in ("network", "masterclass")]
    if not meetings:
        return
    for decision in db.session.scalars(select(Decision).where(Decision.opened_at.is_not(None))):
        before = [m for m in meetings if m.starts_at <= decision.opened_at]
        if before and decision.opened_at - before[-1].starts_at < timedelta(days=45):
            decision.meeting_id = before[-1].id
    masterclass = next((m for m in meetings if m.kind == "masterclass"), meetings[-1])
    for resource in db.session.scalars(select(Resource).where(Resource.title.contains("Fair"))):
        resource.meeting_id = masterclass.id
