"""Case details that expire: after N days the case question, notes and reflection go.

A session may say its case details are kept only ``expires_after_days`` after it took
place. They are then blanked in the database (not hidden: gone) and the page says
"removed"; the cards written for the case-bringer are deleted. The session's minutes
hold its notes and cards, so they go too: every revision, and their entry in the search
index. The commitment's action stays: the follow-up round needs it.

``flask --app app leernet expire-cases`` erases what is due, for cron, and so does the
next write to the session. A GET never writes: from the moment the keep-time passes, a
page shows the case as removed (``hide_if_due``), the minutes' subject does not load,
search does not find them and the export leaves them out.
"""

from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm.attributes import set_committed_value

from ..extensions import db
from ..meetings.models import Meeting
from ..minutes import service as minutes_service
from .models import Card, Commitment, PhaseNote, Session


def expires_at(session, held_at):
    if session.expires_after_days is None:
        return None
    return held_at + timedelta(days=session.expires_after_days)


def held_at(session):
    return session.started_at or session.meeting.starts_at


def due(session, now):
    moment = expires_at(session, held_at(session))
    return session.case_removed_at is None and moment is not None and now >= moment


def remove(session_id, now):
    """Blank the case details of one session (the caller commits)."""
    db.session.execute(
        update(Session)
        .where(Session.id == session_id)
        .values(case_question="", case_removed_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        update(PhaseNote)
        .where(PhaseNote.session_id == session_id)
        .values(text="")
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        update(Commitment)
        .where(Commitment.session_id == session_id)
        .values(reflection="")
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        delete(Card)
        .where(Card.session_id == session_id)
        .execution_options(synchronize_session=False)
    )
    minutes = minutes_service.find("session", session_id)
    if minutes is not None:
        minutes_service.erase(minutes, now)


def hide_if_due(session, now):
    """For a GET: show a due case as removed without writing. The loaded session looks
    removed (nothing is flushed); the pages then show no case, notes, cards or
    reflections. True if due."""
    if not due(session, now):
        return False
    set_committed_value(session, "case_question", "")
    set_committed_value(session, "case_removed_at", now)
    return True


def expire_if_due(session, now):
    """Before a write: remove what is due, so nothing is added to an expired case. True
    if removed."""
    if not due(session, now):
        return False
    remove(session.id, now)
    db.session.commit()
    return True


def due_ids(now):
    """The ids of the sessions whose case details are due but not yet erased."""
    rows = db.session.execute(
        select(Session.id, Session.expires_after_days, Session.started_at, Meeting.starts_at)
        .join(Meeting, Meeting.id == Session.meeting_id)
        .where(Session.expires_after_days.is_not(None), Session.case_removed_at.is_(None))
    ).all()
    return {
        session_id
        for session_id, days, started, starts in rows
        if now >= (started or starts) + timedelta(days=days)
    }


def sweep(now):
    """Remove every due case; return how many sessions were cleared."""
    due_now = due_ids(now)
    for session_id in due_now:
        remove(session_id, now)
    db.session.commit()
    return len(due_now)
