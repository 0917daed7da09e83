"""Fair roles for a session: read the network's role history, propose, keep what the room decides.

History is what was *held* (``Participant.held_role``, recorded at the start) in every
session of the network that started before this session's meeting: fairness spans
groups, and a swap made in the room counts. The window is a year ("facilitated 1 of
12 sessions"); being a newcomer is about all time.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from ..extensions import db
from ..i18n import select_timezone
from ..meetings.models import Meeting
from .core import assignment, rotation, timer
from .core.role_history import Attendance, MemberHistory, tally
from .models import Participant, Session

WINDOW = timedelta(days=365)
#: A facilitator who has not facilitated for this long gets the briefing again.
LONG_GAP = timedelta(days=180)


def local_date(moment):
    return moment.astimezone(ZoneInfo(select_timezone())).date()


@dataclass
class Past:
    """The history ``rotation.propose`` and the explanations need, for some members."""

    window: dict = field(default_factory=dict)
    ever: dict = field(default_factory=dict)
    previous_facilitator: int | None = None
    today: date | None = None

    def needs_briefing(self, member_id):
        """First time facilitating, or the last time was long ago."""
        record = self.ever.get(member_id, MemberHistory()).record(rotation.FACILITATOR)
        return record.last is None or self.today - record.last > LONG_GAP


def past_for(user_ids, meeting):
    """History of ``user_ids`` from sessions that started before ``meeting``."""
    ids = list(user_ids)
    today = local_date(meeting.starts_at)
    if not ids:
        return Past(today=today)
    rows = db.session.execute(
        select(Participant.user_id, Meeting.starts_at, Participant.held_role)
        .join(Session, Session.id == Participant.session_id)
        .join(Meeting, Meeting.id == Session.meeting_id)
        .where(
            Participant.user_id.in_(ids),
            Session.status != timer.READY,
            Meeting.starts_at < meeting.starts_at,
        )
    ).all()
    attendance = [Attendance(uid, local_date(starts), role) for uid, starts, role in rows]
    last_day = {}
    for row in attendance:
        last_day[row.member_id] = max(last_day.get(row.member_id, date.min), row.held_on)
    facilitated_last = sorted(
        (row.held_on, row.member_id)
        for row in attendance
        if row.role == rotation.FACILITATOR and row.held_on == last_day[row.member_id]
    )
    return Past(
        window=tally(attendance, since=today - WINDOW),
        ever=tally(attendance),
        previous_facilitator=facilitated_last[-1][1] if facilitated_last else None,
        today=today,
    )


def people(session):
    """``rotation.Participant`` for everyone in the session, ordered by name."""
    return [
        rotation.Participant(p.user_id, (p.user.name.casefold(),)) for p in session.participants
    ]


def proposal(session, plan, past):
    return rotation.propose(
        people(session),
        plan.roles,
        past.window,
        previous_facilitator=past.previous_facilitator,
        volunteers=[p.user_id for p in session.participants if p.volunteered],
        passing=[p.user_id for p in session.participants if p.passed],
    )


def current(session, plan):
    """The assignment as it stands: ``{role: user id or None}`` in the plan's order."""
    holders = {p.role: p.user_id for p in session.participants if p.role}
    return {role: holders.get(role) for role in plan.roles}


def apply(session, chosen):
    """Store an assignment on the participant rows (one role per person)."""
    by_user = {member: role for role, member in chosen.items() if member is not None}
    for participant in session.participants:
        participant.role = by_user.get(participant.user_id)


def propose_again(session, plan, past=None):
    past = past or past_for([p.user_id for p in session.participants], session.meeting)
    apply(session, proposal(session, plan, past).assignment)
    session.roles_edited = False
    return past


def warnings(session, plan, past):
    chosen = current(session, plan)
    return assignment.check(
        chosen,
        [p.user_id for p in session.participants],
        past.ever,
        previous_facilitator=past.previous_facilitator,
        passing=[p.user_id for p in session.participants if p.passed],
    )


def explanations(session, plan, past, proposed):
    """``describe`` the current assignment against a fresh proposal (``proposal``'s)."""
    return assignment.describe(current(session, plan), past.window, proposed)


def record_held(session_id):
    """At the start: what each participant holds is what they held (fairness counts it)."""
    db.session.execute(
        update(Participant)
        .where(Participant.session_id == session_id)
        .values(held_role=Participant.role)
    )


def bump(session):
    """Tell every phone that something changed (roles, people): the poll sees a new version."""
    db.session.execute(
        update(Session).where(Session.id == session.id).values(version=Session.version + 1)
    )


def case_open(session, plan):
    """Whether the case-bringer may still change: before the start, and after it until
    the first phase in which the case-bringer is silent (the group talks about *their*
    case from then on), or to the end of phase 1 for a method without such a phase."""
    if session.status == timer.READY:
        return True
    if session.status not in (timer.RUNNING, timer.PAUSED):
        return False
    silent = [p.index for p in plan.phases() if p.silent]
    return session.phase < (silent[0] if silent else 1)


def change_case_bringer(session, member_id):
    """``member_id`` brings the case; their role passes to the one who did (a swap).

    Once the session runs, what each of the two holds is what they held: rotation
    counts the roles people actually had.
    """
    new = session.participant(member_id)
    old = session.holder(rotation.CASE_BRINGER)
    if new is None or new is old:
        return
    if old is not None:
        old.role = new.role
    new.role = rotation.CASE_BRINGER
    new.passed = False
    if session.status != timer.READY:
        for person in (new, old):
            if person is not None:
                person.held_role = person.role
    session.roles_edited = True


def client_for(session, plan, turn):
    """The case-bringer of ``turn``: the role's holder first, then the others in turn
    (troika: each person is the client once)."""
    holder = session.holder(rotation.CASE_BRINGER)
    if plan.turns == 1 or turn <= 1:
        return holder
    others = [p for p in session.participants if p is not holder and not p.passed]
    order = ([holder] if holder else []) + others
    return order[(turn - 1) % len(order)] if order else None
