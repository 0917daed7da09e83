"""Cards in a round: short lines participants type for the case-bringer.

In a phase the method marks as collecting (a question round, an advice round, the gossip
round) everyone in the session but the case-bringer may write cards; they reach the
case-bringer's phone with the next poll (adding one bumps the session's version), the
case-bringer marks those that help, and at the finish they go into the minutes with the
phase notes. Cards are as confidential as the case: only participants read them, and
``privacy.remove`` deletes them with the case.
"""

from sqlalchemy import select

from ..extensions import db
from . import roles
from .core import timer
from .models import Card
from .plans import Plan

MAX_TEXT = 280
ACTIVE = (timer.RUNNING, timer.PAUSED)


class CardError(ValueError):
    """A card that cannot be written or marked now (the message says why)."""


def of_session(session_id):
    return db.session.scalars(
        select(Card).where(Card.session_id == session_id).order_by(Card.id)
    ).all()


def addressed_to(session, plan, reader):
    """The cards written for ``reader``: in troika each round's cards are for that
    round's client, not for whoever is the client later."""
    return [card for card in of_session(session.id) if _client(session, plan, card) is reader]


def _client(session, plan, card):
    phase = plan.phase(card.phase)
    return roles.client_for(session, plan, phase.turn) if phase else None


def collecting(session, plan=None):
    """The current phase when it collects cards and the clock is on, else None."""
    plan = plan or Plan(session.plan)
    phase = plan.phase(session.phase)
    if session.status in ACTIVE and phase is not None and phase.collects:
        return phase
    return None


def add(session, client, writer, text, now):
    """``writer`` (a participant, not the case-bringer ``client``) adds a card."""
    text = " ".join((text or "").split())
    phase = collecting(session)
    if phase is None or session.case_removed:
        raise CardError("not collecting")
    if writer is None or writer is client:
        raise CardError("not a writer")
    if not text:
        raise CardError("empty")
    card = Card(session_id=session.id, phase=phase.index, author_id=writer.user_id,
                text=text[:MAX_TEXT], created_at=now)  # fmt: skip
    db.session.add(card)
    return card


def mark(session, plan, reader, card_id, marked):
    """``reader`` marks (or unmarks) a card written for them."""
    card = db.session.get(Card, card_id) if card_id is not None else None
    if card is None or card.session_id != session.id or _client(session, plan, card) is not reader:
        raise CardError("no such card")
    card.marked = marked
    return card
