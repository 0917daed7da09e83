"""What one person's phone shows of a session: the context of the live fragment.

The same fragment serves the page, the state poll and every control's answer, so each
phone always shows its own view: the case-bringer's calm "turned away" screen in a
silent phase, the minute-taker's note field, the controls for facilitator, timekeeper
and a coordinator outside the session (with "whose case?" while the case is open), the
card box in a collecting phase and the cards for the case-bringer, and the phase and
who holds which role for everyone. Confidential text (case, notes, cards, reflection)
is only put in the context of a participant. The room screen's context
(``screen_context``) holds nothing confidential at all.
"""

from sqlalchemy import select

from ...extensions import db
from ...meetings.attendance import present_members
from .. import live, roles, round_cards
from ..core import timer
from ..core.rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER
from ..models import Commitment, PhaseNote
from ..plans import Plan
from ..policy import CONTROLLING
from ..sessions import taken_ids
from . import labels

ACTIVE = (timer.RUNNING, timer.PAUSED)


def context(session, user, now, message=None):
    plan = Plan(session.plan)
    me = session.participant(user.id)
    role = me.role if me else None
    phase = plan.phase(session.phase)
    client = roles.client_for(session, plan, phase.turn) if phase else None
    status = session.status
    ctx = {
        "session": session,
        "plan": plan,
        "phase": phase,
        "next_phase": plan.phase(session.phase + 1) if session.phase + 1 < plan.count else None,
        "me": me,
        "role": role,
        "participant": me is not None,
        "may_control": role in CONTROLLING if me else bool(user.is_coordinator),
        "client": client,
        "holders": [(r, session.holder(r)) for r in plan.roles],
        "turned_away": bool(me and client is me and phase and phase.silent and status in ACTIVE),
        "clock": live.clock(session, plan, now),
        "timer_mark": live.timer_mark(session.timer_state),
        "message": message,
        "labels": labels,
        "names": display_names(session),
        "note": None,
        "notes": {},
        "commitment": None,
        "commitments": [],
        "case_open": False,
        "case_choices": [],
        "collecting": None,
        "cards": [],
        "card_reader": False,
        "following": status != timer.FINISHED,
    }
    if ctx["may_control"] and roles.case_open(session, plan):
        ctx["case_open"] = True
        ctx["case_choices"] = sorted(
            session.participants, key=lambda p: (not p.volunteered, p.passed, names_key(p))
        )
    if status == timer.READY:
        ctx.update(setup(session, plan, user, me, ctx["names"]))
    if me is None:
        return ctx
    ctx["case_open"] = ctx["case_open"] or roles.case_open(session, plan)
    ctx["collecting"] = round_cards.collecting(session, plan) if me is not client else None
    if status != timer.READY and not session.case_removed:
        # Running: this round's client reads; after the finish, the case-bringer. Each
        # reads the cards written for them (troika: not another round's client's).
        reader = session.holder(CASE_BRINGER) if status == timer.FINISHED else client
        ctx["card_reader"] = reader is me
        ctx["cards"] = round_cards.addressed_to(session, plan, me) if reader is me else [
            c for c in round_cards.of_session(session.id)
            if c.author_id == user.id and c.phase == session.phase
        ]  # fmt: skip
    if role == MINUTE_TAKER and status in ACTIVE:
        ctx["note"] = db.session.scalar(
            select(PhaseNote).where(
                PhaseNote.session_id == session.id, PhaseNote.phase == session.phase
            )
        )
    if status == timer.FINISHED:
        ctx["notes"] = {n.phase: n for n in session.notes if n.text}
        ctx["commitments"] = db.session.scalars(
            select(Commitment).where(Commitment.session_id == session.id).order_by(Commitment.id)
        ).all()
        ctx["commitment"] = next((c for c in ctx["commitments"] if c.user_id == user.id), None)
        ctx["following"] = following(session, ctx["commitments"], now)
    return ctx


def display_names(session):
    """``{user id: name}`` of the session's participants, as the pages show them."""
    return {p.user_id: p.user.display_name for p in session.participants}


def names_key(participant):
    return participant.user.display_name.casefold()


def following(session, commitments, now):
    """After the finish, phones keep polling until the reflection is saved or the
    meeting is over: that is when the others see it appear."""
    return not any(c.reflection for c in commitments) and session.meeting.ends_at > now


def screen_context(session, now):
    """The room screen: phase, instruction, who holds which role, the clock. No case."""
    plan = Plan(session.plan)
    phase = plan.phase(session.phase)
    return {
        "session": session,
        "plan": plan,
        "phase": phase,
        "next_phase": plan.phase(session.phase + 1) if session.phase + 1 < plan.count else None,
        "holders": [(r, session.holder(r)) for r in plan.roles],
        "client": roles.client_for(session, plan, phase.turn) if phase else None,
        "names": display_names(session),
        "clock": live.clock(session, plan, now),
        "labels": labels,
        "me": None,
    }


def setup(session, plan, user, me, names):
    """Before the start: the proposal explained, warnings, the facilitator's briefing.
    The rotation runs once: its proposal gives both the explanations and the problems."""
    past = roles.past_for([p.user_id for p in session.participants], session.meeting)
    proposed = roles.proposal(session, plan, past)
    explained = {
        e.role: labels.explain(e, names, past.today)
        for e in roles.explanations(session, plan, past, proposed)
    }
    problems = proposed.problems
    warnings = [labels.problem(w, names) for w in roles.warnings(session, plan, past)]
    for item in problems:
        text = labels.problem(item, names)
        if text and text not in warnings:
            warnings.insert(0, text)
    addable = []
    if (me.role in CONTROLLING) if me else user.is_coordinator:
        taken = taken_ids(session.meeting)
        addable = [u for u in present_members(session.meeting) if u.id not in taken]
    return {
        "explained": explained,
        "warnings": [w for w in warnings if w],
        "briefing": bool(me and me.role == FACILITATOR and past.needs_briefing(me.user_id)),
        "addable": addable,
    }
