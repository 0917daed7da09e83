"""Who may do what in a session: the rules behind the views' ``@access``.

Confidential by default: the case, phase notes and reflection are for the session's
participants only. A coordinator who is not in the session may see that it exists and
run its timer (someone must, when a group gets stuck), never read what was said; a
coordinator who takes part has the view and rights of their role in it. Each
rule reads the one ``live.poll_row`` query and keeps it on ``g`` for the view; for the
state poll that row comes with the signed-in user's own (``live``'s hot path), so the
poll is one query.
"""

from flask import abort, g

from .core.rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER, TIMEKEEPER
from .live import ROWS, poll_row

CONTROLLING = (FACILITATOR, TIMEKEEPER)


def seen(user, session_id):
    """This user's ``PollRow`` for the session, once per request (404 when it is gone)."""
    cache = g.setdefault(ROWS, {})
    key = (session_id, user.id)
    if key not in cache:
        cache[key] = poll_row(session_id, user.id)
    if cache[key] is None:
        abort(404)
    return cache[key]


def forget(session_id, user):
    """After a write in the same request: read the row afresh next time."""
    g.setdefault(ROWS, {}).pop((session_id, user.id), None)


def may_control(user, row):
    """Facilitator and timekeeper; a coordinator only from outside the session (one who
    takes part, say as case-bringer, has the view of their role)."""
    if row.participant:
        return row.role in CONTROLLING
    return bool(user.is_coordinator)


def session_viewer(user, session_id, **_args):
    """Participants, and coordinators (who see no confidential text unless they took part)."""
    row = seen(user, session_id)
    return row.participant or bool(user.is_coordinator)


def session_participant(user, session_id, **_args):
    return seen(user, session_id).participant


def session_controller(user, session_id, **_args):
    """Facilitator, timekeeper, or a coordinator: they run the timer and set the roles."""
    return may_control(user, seen(user, session_id))


def session_minute_taker(user, session_id, **_args):
    return seen(user, session_id).role == MINUTE_TAKER


def session_case_bringer(user, session_id, **_args):
    return seen(user, session_id).role == CASE_BRINGER
