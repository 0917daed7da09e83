"""Arithmetic of the shared phase timer, kept pure so it can live in the database.

The timer is a handful of numbers (phase, when it started, pauses, extra time, a
version), never a running clock in some process: every worker computes the same
remaining time from the same row and ``now``, a restart loses nothing, and the
version doubles as the ETag the phones poll with. Each transition takes
``(state, phase_durations_seconds, now)`` and returns a new state with ``version + 1``,
or raises ``TimerError`` when it makes no sense in the current status.

Choices worth knowing: moving to another phase (next or back) gives that phase its
full time box again and keeps the clock's status (a paused timer stays paused, so
skipping ahead during a break does not start the clock); +1 minute belongs to the
current phase only; finishing is separate from "next" on the last phase, so nobody
ends a session by tapping once too often. Clocks of different servers may disagree by
a little, so durations that come out negative are clamped at zero.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

READY = "ready"
RUNNING = "running"
PAUSED = "paused"
FINISHED = "finished"
EXTRA_MINUTE = 60


class TimerError(ValueError):
    """A transition that does not fit the timer's status (e.g. pause while paused)."""


@dataclass(frozen=True)
class TimerState:
    """The whole timer; ``started_at``/``paused_at``/``finished_at`` are aware UTC.

    ``paused_seconds`` is the time spent paused in this phase (not counting a pause
    still going on); ``extra_seconds`` the minutes added to this phase.
    """

    phase: int = 0
    started_at: datetime | None = None
    paused_at: datetime | None = None
    paused_seconds: float = 0.0
    extra_seconds: int = 0
    status: str = READY
    version: int = 0
    finished_at: datetime | None = None


def _seconds(later, earlier):
    return max(0.0, (later - earlier).total_seconds())


def _check(state, durations, now, *allowed):
    if not durations:
        raise TimerError("a method needs at least one phase")
    if now.tzinfo is None:
        raise TimerError("now must be an aware datetime")
    if not 0 <= state.phase < len(durations):
        raise TimerError(f"phase {state.phase} does not exist")
    if state.status not in allowed:
        raise TimerError(f"not possible while the timer is {state.status}")


def _next(state, **changes):
    return replace(state, version=state.version + 1, **changes)


def _enter(state, phase, now):
    """Begin ``phase`` with its full time box, keeping the clock's status."""
    paused_at = now if state.status == PAUSED else None
    return _next(
        state, phase=phase, started_at=now, paused_at=paused_at, paused_seconds=0.0, extra_seconds=0
    )


def start(state: TimerState, durations: Sequence[int], now: datetime) -> TimerState:
    """Start the first (or chosen) phase of a session that has not begun."""
    _check(state, durations, now, READY)
    return _next(state, status=RUNNING, started_at=now, paused_at=None, paused_seconds=0.0)


def pause(state: TimerState, durations: Sequence[int], now: datetime) -> TimerState:
    _check(state, durations, now, RUNNING)
    return _next(state, status=PAUSED, paused_at=now)


def resume(state: TimerState, durations: Sequence[int], now: datetime) -> TimerState:
    _check(state, durations, now, PAUSED)
    paused = state.paused_seconds + _seconds(now, state.paused_at)
    return _next(state, status=RUNNING, paused_at=None, paused_seconds=paused)


def next_phase(state: TimerState, durations: Sequence[int], now: datetime) -> TimerState:
    """Go to the next phase; on the last phase use ``finish`` instead."""
    _check(state, durations, now, RUNNING, PAUSED)
    if state.phase + 1 >= len(durations):
        raise TimerError("this is the last phase; finish the session instead")
    return _enter(state, state.phase + 1, now)


def previous_phase(state: TimerState, durations: Sequence[int], now: datetime) -> TimerState:
    """Go back one phase, which starts again with its full time box."""
    _check(state, durations, now, RUNNING, PAUSED)
    if state.phase == 0:
        raise TimerError("this is the first phase")
    return _enter(state, state.phase - 1, now)


def add_minute(state: TimerState, durations: Sequence[int], now: datetime) -> TimerState:
    """Give the current phase 60 seconds more (also in overtime, also while paused)."""
    _check(state, durations, now, RUNNING, PAUSED)
    return _next(state, extra_seconds=state.extra_seconds + EXTRA_MINUTE)


def finish(state: TimerState, durations: Sequence[int], now: datetime) -> TimerState:
    """End the session; the clock stops where it is (a pause going on is closed)."""
    _check(state, durations, now, READY, RUNNING, PAUSED)
    paused = state.paused_seconds
    if state.status == PAUSED:
        paused += _seconds(now, state.paused_at)
    return _next(state, status=FINISHED, paused_at=None, paused_seconds=paused, finished_at=now)


TRANSITIONS = {
    "start": start,
    "pause": pause,
    "resume": resume,
    "next": next_phase,
    "back": previous_phase,
    "add_minute": add_minute,
    "finish": finish,
}


def phase_seconds(state: TimerState, durations: Sequence[int]) -> int:
    """The current phase's time box including added minutes."""
    return durations[state.phase] + state.extra_seconds


def elapsed(state: TimerState, now: datetime) -> float:
    """Seconds the current phase has run, pauses excluded (frozen while paused/finished)."""
    if state.started_at is None:
        return 0.0
    if state.status == PAUSED:
        until = state.paused_at
    elif state.status == FINISHED:
        until = state.finished_at
    else:
        until = now
    return max(0.0, _seconds(until, state.started_at) - state.paused_seconds)


def remaining(state: TimerState, durations: Sequence[int], now: datetime) -> float:
    """Seconds left in the current phase; negative means overtime."""
    return phase_seconds(state, durations) - elapsed(state, now)


def overtime(state: TimerState, durations: Sequence[int], now: datetime) -> float:
    """Seconds the current phase has run past its time box (0 when within it)."""
    return max(0.0, -remaining(state, durations, now))


def deadline(state: TimerState, durations: Sequence[int]) -> datetime | None:
    """When the current phase ends (aware UTC), or None while the clock is not running."""
    if state.status != RUNNING or state.started_at is None:
        return None
    seconds = state.paused_seconds + phase_seconds(state, durations)
    return state.started_at + timedelta(seconds=seconds)


def client_deadline(server_deadline: datetime, server_now: datetime, client_now: datetime):
    """The deadline on the phone's own clock: ``client_now + (server_deadline - server_now)``.

    The page carries the deadline and the server's clock at render time; the phone
    notes its own clock when the page arrives and counts down to the same moment on
    its clock, so a phone that runs minutes fast or slow still shows the right time.
    The network delay is not corrected for (the phone ends up late by that delay, a
    fraction of a second); every poll refreshes the pair. The browser script does the
    same sum in milliseconds: ``Date.now() + (deadline_ms - server_now_ms)``.
    """
    return client_now + (server_deadline - server_now)
