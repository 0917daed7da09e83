"""Demo intervision: three standing groups, a year of sessions with roles from the real
rotation, cases, notes, commitments and their follow-up, and one session running now."""

from datetime import timedelta

from flask_babel import force_locale

from ...demo import step
from ...extensions import db
from ...meetings import schedule
from ...meetings.attendance import check_in
from ...meetings.models import Attendance
from ...timeutil import utcnow
from .. import catalogue, roles, sessions
from ..core.assignment import reassign
from ..core.rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER
from ..minutes import draw_up
from ..models import Commitment, IntervisionGroup, MethodTemplate, PhaseNote
from ..plans import Plan

GROUPS = ("Groep Noord", "Groep Zuid", "Groep West")
METHODS = ("incident", "incident", "gossip", "compact", "balint", "ten_steps", "incident")
CASES = [
    ("Een opdrachtgever vraagt steeds meer werk zonder de begroting aan te passen. Hoe "
     "bespreek ik dat zonder de relatie te schaden?"),
    "Mijn bestuur wil een nieuwe koers, maar het team is moe. Hoe neem ik iedereen mee?",
    "Ik moet een collega aanspreken op te laat aangeleverde teksten. Hoe begin ik dat gesprek?",
    "Een fonds wees onze aanvraag af zonder uitleg. Dien ik opnieuw in of kies ik een ander?",
    "Hoe zeg ik nee tegen een mooie opdracht als mijn agenda al vol zit?",
    "Een vrijwilliger neemt steeds meer beslissingen die niet bij hem liggen. Wat doe ik?",
    "Ik twijfel of ik mijn tarief durf te verhogen volgens de Fair Practice Code.",
    "De samenwerking met een coproducent loopt stroef; de afspraken zijn niet op papier gezet.",
]  # fmt: skip
NOTES = [
    "Drie incidenten genoemd; gekozen voor het gesprek met de opdrachtgever.",
    "Vragen gingen vooral over wat er vooraf was afgesproken en wat niet.",
    "Kern volgens de groep: grenzen stellen voelt als risico voor de relatie.",
    "Advies: afspraken na elk overleg kort per mail bevestigen.",
]
ACTIONS = [
    "Ik plan een gesprek met de opdrachtgever en neem de begroting mee.",
    "Ik schrijf mijn tarief op de website en noem het in de offerte.",
    "Ik vraag het fonds om een toelichting en bel de adviseur.",
    "Ik leg de afspraken met de coproducent vast in een korte overeenkomst.",
    "Ik bespreek de taakverdeling in het volgende teamoverleg.",
]
REPORTS = {
    "done": "Gedaan, en het gesprek ging beter dan verwacht.",
    "partly": "Half: de mail is verstuurd, het gesprek volgt nog.",
    "not_yet": "Nog niet aan toegekomen; staat voor volgende week.",
}


@step(30)
def intervision(context):
    rng = context["random"]
    members = context["members"]
    groups = _groups(members)
    past = sorted(
        (m for m in context.get("meetings", []) if m.kind == "intervision" and not m.cancelled
         and m.ends_at < utcnow()),
        key=lambda m: m.starts_at,
    )  # fmt: skip
    for number, meeting in enumerate(past):
        method = catalogue.get_method(METHODS[number % len(METHODS)])
        present = {a.user_id for a in db.session.scalars(
            db.select(Attendance).where(Attendance.meeting_id == meeting.id))}  # fmt: skip
        made = []
        for group in groups:
            here = [u.id for u in group.members if u.id in present]
            if len(here) >= 3:
                made.append(sessions.create(meeting, group.name, method, True, None, here,
                                            members[9], group))  # fmt: skip
        if made:
            sessions.propose_all(made, meeting)
            for session in made:
                _happened(session, meeting, rng)
    _running_now(members, groups, rng)
    _own_method(members[0])
    context["intervision_groups"] = groups


def _own_method(coordinator):
    """A coordinator's own short version of the incident method, for a 45-minute slot."""
    minutes = [5, 5, 10, 0, 5, 5, 0, 10, 5]
    phases = []
    with force_locale("nl"):
        for phase, length in zip(catalogue.get_method("incident").phases, minutes, strict=True):
            if length:
                phases.append({"name": str(phase.name), "minutes": length,
                               "instruction": str(phase.instruction), "tip": str(phase.tip),
                               "silent": False})  # fmt: skip
    db.session.add(
        MethodTemplate(
            name="Incidentmethode kort (45 min)",
            description="Onze eigen korte versie: zonder aparte vraagformulering en zonder "
            "verhaal achteraf, voor avonden met twee casussen.",
            roles=["facilitator", "case_bringer", "timekeeper"],
            phases=phases,
            based_on="incident",
            created_by_id=coordinator.id,
        )
    )


def _groups(members):
    people = list(members)
    made = []
    for index, name in enumerate(GROUPS):
        group = IntervisionGroup(name=name, members=people[index::3])
        db.session.add(group)
        made.append(group)
    db.session.flush()
    return made


def _happened(session, meeting, rng):
    """The session took place: roles held (a hand-picked facilitator in a first session),
    case, notes and the minutes drawn from them, reflection, and a report on last time's
    commitment."""
    plan = Plan(session.plan)
    if session.holder(FACILITATOR) is None and FACILITATOR in plan.roles:
        free = [p for p in session.participants if p.role is None] or session.participants
        free[0].role = FACILITATOR
    start = meeting.starts_at + timedelta(minutes=15)
    session.started_at = start
    session.finished_at = start + timedelta(minutes=plan.total_minutes + rng.randint(-5, 10))
    session.status = "finished"
    session.phase = plan.count - 1
    session.version = plan.count + 1
    session.case_question = rng.choice(CASES)
    for participant in session.participants:
        participant.held_role = participant.role
    taker = session.holder(MINUTE_TAKER)
    if taker is not None:
        for index, text in enumerate(rng.sample(NOTES, k=min(3, plan.count))):
            db.session.add(PhaseNote(session_id=session.id, phase=index, text=text,
                                     author_id=taker.user_id, updated_at=start))  # fmt: skip
    db.session.flush()
    draw_up(session, session.finished_at)
    _report_back(session, rng)
    bringer = session.holder(CASE_BRINGER)
    if bringer is not None:
        db.session.add(
            Commitment(
                session_id=session.id,
                user_id=bringer.user_id,
                reflection="Ik zag dat ik zelf ook een rol speel in hoe dit loopt.",
                action=rng.choice(ACTIONS),
                created_at=session.finished_at,
                updated_at=session.finished_at,
            )
        )
    db.session.flush()


def _report_back(session, rng):
    """The follow-up round: open commitments from this group's earlier sessions."""
    from ..followup import items

    for participant in session.participants:
        for item in items(session, participant.user_id):
            if item.user_id == participant.user_id and item.report_status is None:
                status = rng.choice(list(REPORTS))
                item.report_status = status
                item.report_note = REPORTS[status]
                item.reported_at = session.started_at
                item.report_session_id = session.id


def _running_now(members, groups, rng):
    """An extra evening happening now; the first group is in phase 2 of the incident method."""
    now = utcnow().replace(second=0, microsecond=0)
    start, end = now - timedelta(minutes=20), now + timedelta(minutes=100)
    meeting = schedule.create_meeting(
        schedule.Details(title="Intervisie (extra avond)", kind="intervision",
                         place="Bibliotheek Amersfoort, zaal 2", host_id=members[9].id),
        start, end, members[9],
    )  # fmt: skip
    group = groups[0]
    for user in group.members:
        check_in(meeting, user.id, user, start + timedelta(minutes=rng.randint(-10, 10)))
    db.session.flush()
    method = catalogue.get_method("incident")
    ids = [u.id for u in group.members]
    session = sessions.create(meeting, group.name, method, True, None, ids, members[9], group)
    sessions.propose_all([session], meeting)
    coordinator = next(p for p in session.participants if p.user_id == members[0].id)
    chosen = roles.current(session, Plan(session.plan))
    roles.apply(session, reassign(chosen, FACILITATOR, coordinator.user_id))
    session.roles_edited = True
    session.case_question = CASES[0]
    session.status = "running"
    session.phase = 1
    session.started_at = now - timedelta(minutes=2)
    session.version = 2
    for participant in session.participants:
        participant.held_role = participant.role
    db.session.flush()
