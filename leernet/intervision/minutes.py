"""Minutes of an intervision session, drawn from the minute-taker's phase notes.

The session is a subject of minutes (``plugins/session_subject.py`` registers it with
``leernet/minutes/subjects.py``): for its
participants only by default, amended by them, managed (approved, unlocked, opened up)
by its facilitator. Coordinators get no say here: participant-only minutes are closed
even to them (``minutes.rules``), and only if the facilitator opens them to "attendees"
do coordinators read along, as they do with a meeting's minutes.

When the session finishes, its minutes are drawn up in the same transaction: the phase
notes as Markdown (each noted phase a heading, in the method's order) become revision 1
in the minute-taker's name, shared at once with the participants. Shared, not a draft:
the session page shows every participant the same notes from that moment, so a draft
would hide nothing, and shared minutes are what participants amend and find in search.

Notes may still change after the finish (the minute-taker's last autosave can arrive
just after someone pressed "finish"). While the minutes still say exactly what the notes
said, nobody has written in them, so they follow the notes with a new revision; once
someone has edited them (or they are approved), the minutes are the record and later
note changes stay on the session page only.

Sessions finished before minutes existed (and the demo's) get theirs drawn up the same
way when a participant first follows the session page's link to them. When a session's
case details expire, ``privacy.remove`` erases its minutes too; until then minutes of a
session whose expiry has passed are hidden (their subject does not load).
"""

from contextlib import contextmanager

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..minutes import rules, service, subjects
from ..timeutil import utcnow
from . import privacy
from .core.rotation import FACILITATOR, MINUTE_TAKER
from .models import Card, PhaseNote, Session
from .plans import Plan

KIND = "session"


def load(session_id):
    session = db.session.get(Session, session_id)
    if session is None or privacy.due(session, utcnow()):
        return None
    return session


def title(session):
    return f"{session.name} · {session.meeting.title}"


def participant_ids(session):
    return {p.user_id for p in session.participants}


def facilitator_id(session):
    holder = session.holder(FACILITATOR)
    return holder.user_id if holder else None


def minute_taker_id(session):
    holder = session.holder(MINUTE_TAKER)
    return holder.user_id if holder else None


def _card_line(card):
    text = " ".join(card.text.split())
    if card.marked:
        return "- " + _("%(text)s (helped)", text=text)
    return f"- {text}"


def notes_markdown(session):
    """The session's phase notes and cards as Markdown: a heading per phase that has
    either, in method order (the cards the case-bringer marked say so)."""
    plan = Plan(session.plan)
    notes = {
        n.phase: n.text.strip()
        for n in db.session.scalars(
            select(PhaseNote).where(PhaseNote.session_id == session.id, PhaseNote.text != "")
        )
    }
    cards = {}
    for card in db.session.scalars(
        select(Card).where(Card.session_id == session.id).order_by(Card.id)
    ):
        cards.setdefault(card.phase, []).append(_card_line(card))
    parts = []
    for index in sorted(set(notes) | set(cards)):
        phase = plan.phase(index)
        if phase is None or not (notes.get(index) or cards.get(index)):
            continue
        name = phase.name
        if plan.turns > 1:
            name = _("%(phase)s (round %(num)d)", phase=name, num=phase.turn)
        body = [notes[index]] if notes.get(index) else []
        if cards.get(index):
            body.append(_("Cards:") + "\n\n" + "\n".join(cards[index]))
        parts.append(f"## {name}\n\n" + "\n\n".join(body))
    text = "\n\n".join(parts) + "\n" if parts else ""
    return text.replace("\r\n", "\n")[: service.MAX_TEXT]  # as ``service.save`` keeps it


def _writer(session):
    holder = session.holder(MINUTE_TAKER)
    return holder.user if holder else None


def _drawn(session, author):
    with force_locale(author.locale):
        return notes_markdown(session), _("From the phase notes")


def _take_up(minutes, session, before, now):
    """Put the notes in the minutes if they still say ``before`` (nobody wrote in them).

    In the minute-taker's name and language: they wrote the notes. Should someone save
    the minutes at the same moment, the conditional save refuses and theirs stands.
    """
    author = _writer(session)
    if author is None or minutes.locked or minutes.text != before:
        return
    text, note = _drawn(session, author)
    if text == before:
        return
    try:
        service.save(minutes, minutes.head, text, author, now, note=note)
        if minutes.state == rules.DRAFT:
            service.share(minutes, author, now)
    except service.MinutesError:
        return


def draw_up(session, now):
    """At the finish, in its transaction: the minutes, from the notes, shared."""
    minutes = service.find(KIND, session.id) or service.create(subjects.get(KIND), session)
    _take_up(minutes, session, "", now)
    return minutes


def minutes_of(session, now):
    """The minutes of a finished session. They are drawn up at the finish and follow each
    note after it, so reading them writes nothing; only a session finished before minutes
    existed has them drawn up now (``service.ensure`` creates the row in a transaction of
    its own). The caller commits."""
    minutes = service.find(KIND, session.id)
    if minutes is None:
        minutes = service.ensure(subjects.get(KIND), session)
        _take_up(minutes, session, "", now)
    return minutes


@contextmanager
def following_notes(session, now):
    """Around a change of a phase note: the minutes follow it while nobody wrote in them."""
    minutes = service.find(KIND, session.id)
    author = _writer(session)
    before = _drawn(session, author)[0] if minutes is not None and author else None
    yield
    if before is not None:
        db.session.flush()
        _take_up(minutes, session, before, now)
