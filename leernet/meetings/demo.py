"""Demo meetings: a year of network days and intervision, a masterclass with a waiting
list, a cancelled evening, a New Year's drink, answers and attendance."""

from datetime import date, time, timedelta

from ..demo import step
from ..extensions import db
from ..timeutil import utcnow
from . import recurrence, schedule
from .models import Attendance, Rsvp
from .rsvp import answer

AMS = "Europe/Amsterdam"

NETWORK_DAY = """**Programma**

- 10:00 Inloop met koffie
- 10:30 Rondje: wat speelt er bij jou?
- 11:30 Thema-uur (zie hieronder)
- 13:00 Lunch
- 14:00 Intervisie in kleine groepen
- 15:30 Afsluiting en borrel

Thema deze keer: *fair practice in de begroting*. Neem je eigen begroting mee als je wilt.
"""
INTERVISION = """We werken met de **incidentmethode**. Wie een casus inbrengt, meldt dat vooraf
in de groepsapp. Wat in de groep besproken wordt, blijft in de groep."""
MASTERCLASS = """Een praktijkgerichte masterclass over fondsenwerving voor kleine organisaties.

1. Welke fondsen passen bij jouw project?
2. Een aanvraag die leest als een verhaal
3. Begroting en dekkingsplan

Lees vooraf de [richtlijnen van het Fonds Cultuurparticipatie](https://www.cultuurparticipatie.nl)."""


def second_tuesday(day):
    first = day.replace(day=1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7)


def rule(frequency, interval, first, until, starts, ends):
    return recurrence.Rule(frequency, interval, first, until, starts, ends, AMS)


def answer_past(meeting, members, rng):
    """Answers and attendance for a meeting that already happened."""
    for member in members:
        choice = rng.choices(["yes", "maybe", "no", None], weights=[6, 2, 2, 2])[0]
        if choice is None:
            continue
        said = meeting.starts_at - timedelta(days=rng.randint(2, 20))
        db.session.add(
            Rsvp(
                meeting_id=meeting.id,
                user_id=member.id,
                answer=choice,
                said_yes_at=said if choice == "yes" else None,
                updated_at=said,
                note=rng.choice(["", "", "", "Iets later", "Moet om 15:00 weg"]),
            )
        )
        if choice == "yes" and rng.random() < 0.9 or choice == "maybe" and rng.random() < 0.5:
            by = member if rng.random() < 0.6 else None
            db.session.add(
                Attendance(
                    meeting_id=meeting.id,
                    user_id=member.id,
                    checked_in_at=meeting.starts_at + timedelta(minutes=rng.randint(-20, 25)),
                    checked_in_by_id=by.id if by else meeting.host_id,
                )
            )


def answer_future(meeting, members, rng, share=0.6):
    now = utcnow()
    for member in members:
        if member.id != meeting.host_id and rng.random() < share:  # the host is coming
            choice = rng.choices(["yes", "maybe", "no"], weights=[6, 2, 2])[0]
            answer(meeting, member, choice, "", now)


@step(20)
def meetings(context):
    rng = context["random"]
    members = context["members"]
    coordinator, emma = members[0], members[9]
    today = utcnow().date()
    made = []

    days = schedule.Details(
        title="Netwerkdag",
        kind="network",
        place="Het Huis, Utrecht",
        agenda=NETWORK_DAY,
        host_id=coordinator.id,
    )
    first = second_tuesday(today.replace(day=1) - timedelta(days=300))
    _s, items = schedule.create_series(
        days,
        rule(recurrence.MONTHS, 2, first, today + timedelta(days=120), time(10), time(16)),
        coordinator,
    )
    made += items

    intervision = schedule.Details(
        title="Intervisie",
        kind="intervision",
        place="Bibliotheek Amersfoort, zaal 2",
        agenda=INTERVISION,
        host_id=emma.id,
        capacity=8,
    )
    thursday = today - timedelta(days=330)
    thursday += timedelta(days=(3 - thursday.weekday()) % 7)
    _s, items = schedule.create_series(
        intervision,
        rule(recurrence.WEEKS, 4, thursday, today + timedelta(days=90), time(19, 30), time(21, 30)),
        emma,
    )
    made += items
    summer = [m for m in items if m.starts_at.month == 7]
    for meeting in summer[:1]:
        schedule.cancel(meeting, "Zomerstop: te weinig mensen in de vakantie.", meeting.created_at)

    def single(title, kind, day, starts, ends, **extra):
        start, end = recurrence.span(day, starts, ends, AMS)
        meeting = schedule.create_meeting(
            schedule.Details(title=title, kind=kind, **extra), start, end, coordinator
        )
        made.append(meeting)
        return meeting

    single(
        "Masterclass Fondsenwerving in de praktijk",
        "masterclass",
        today + timedelta(days=23),
        time(13),
        time(17),
        place="De Balie, Amsterdam",
        agenda=MASTERCLASS,
        guests="Noor Hendriks\nMarieke van Leeuwen (Fonds Podiumkunsten)",
        host_id=members[7].id,
        capacity=6,
    )
    single(
        "Masterclass Fair Practice Code",
        "masterclass",
        today - timedelta(days=75),
        time(14),
        time(17),
        online_url="https://meet.jit.si/leernet-fairpractice",
        guests="Iris Bos",
        host_id=members[11].id,
    )
    single(
        "Nieuwjaarsborrel",
        "informal",
        date(today.year, 1, 16),
        time(17),
        time(19),
        place="Café De Zaak, Utrecht",
        host_id=coordinator.id,
    )
    db.session.flush()

    now = utcnow()
    for meeting in made:
        if meeting.cancelled:
            continue
        if meeting.ends_at < now:
            answer_past(meeting, members, rng)
        else:
            answer_future(meeting, members, rng, 0.9 if meeting.capacity == 6 else 0.6)
    context["meetings"] = made
