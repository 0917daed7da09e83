"""Demo members: a network of arts professionals with expertise worth asking about."""

from datetime import timedelta

from ..admin.invitations import invite
from ..admin.models import Network
from ..demo import COORDINATOR_EMAIL, PASSWORD, step
from ..extensions import db
from ..security import hash_password
from ..timeutil import utcnow
from .accounts import set_tags
from .models import User

PEOPLE = [
    (
        "Anouk Dekker",
        "netwerkcoördinatie, subsidies, fondsenwerving",
        "Coördinator van het netwerk. Vraag me alles over het Fonds Cultuurparticipatie.",
    ),
    ("Sanne de Vries", "hr, cao, arbeidsrecht", "HR-manager bij een orkest."),
    ("Daan Jansen", "marketing, publieksbereik, social media", "Marketeer bij een poppodium."),
    (
        "Fatima El Amrani",
        "subsidies, projectleiding, diversiteit en inclusie",
        "Zelfstandig projectleider.",
    ),
    ("Bram Visser", "financiën, begroten, btw", "Zakelijk leider van een theatergezelschap."),
    ("Lotte Bakker", "educatie, cultuureducatie, scholen", "Educatiemedewerker bij een museum."),
    ("Jeroen Smit", "techniek, licht, productie", "Technisch producent."),
    ("Noor Hendriks", "fondsenwerving, mecenaat, crowdfunding", "Fondsenwerver."),
    ("Ruben Mulder", "juridisch, auteursrecht, contracten", "Jurist voor makers."),
    ("Emma van Dijk", "coaching, intervisie, loopbaan", "Coach voor creatieve professionals."),
    ("Yusuf Demir", "digitalisering, websites, data", "Digitaal strateeg."),
    ("Iris Bos", "fair practice, governance, raad van toezicht", "Directeur van een festival."),
    ("Thomas de Graaf", "programmering, talentontwikkeling", "Programmeur van een filmhuis."),
    ("Sophie Meijer", "pers, communicatie, woordvoering", "Communicatieadviseur."),
    ("Milan Koster", "duurzaamheid, productie, touren", "Tourmanager."),
    (
        "Eva Willems",
        "subsidies, internationale samenwerking, creative europe",
        "Internationaal projectleider.",
    ),
]


@step(10)
def members(context):
    db.session.add(
        Network(
            name="Leernetwerk Zakelijk Leiders Cultuur",
            description="Zakelijk leiders uit de culturele en creatieve sector die elke maand "
            "van en met elkaar leren.",
            language="nl",
            timezone="Europe/Amsterdam",
        )
    )
    password_hash = hash_password(PASSWORD)
    people = []
    for index, (name, tags, bio) in enumerate(PEOPLE):
        first, _sep, rest = name.partition(" ")
        email = (first + "." + rest.replace(" ", "")).lower().replace("ë", "e") + "@example.nl"
        user = User(
            name=name,
            email=COORDINATOR_EMAIL if index == 0 else email,
            password_hash=password_hash,
            is_coordinator=index in (0, 9),
            bio=bio,
            locale="nl",
            created_at=utcnow() - timedelta(days=400 - index * 7),
        )
        db.session.add(user)
        db.session.flush()
        set_tags(user, tags)
        people.append(user)
    people[-1].active = False  # a member who left: history stays
    context["members"] = people[:-1]
    coordinator = people[0]
    invite(coordinator, "Kees Brouwer", "kees.brouwer@example.org")
    invite(coordinator, "Julia Peters", "")


#: What demo members want to learn (by index in ``PEOPLE``): each finds a colleague who knows.
WISHES = {
    0: "arbeidsrecht, data",
    1: "subsidies, fondsenwerving",
    2: "subsidies, begroten",
    4: "marketing, auteursrecht",
    5: "fondsenwerving, social media",
    6: "subsidies, duurzaamheid",
    10: "fair practice, subsidies",
    12: "crowdfunding, pers",
    13: "subsidies",
}


@step(11)
def wishes(context):
    for index, wanted in WISHES.items():
        set_tags(context["members"][index], wanted, "wishes")
