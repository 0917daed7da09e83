"""The live timer's arithmetic: examples for each control, properties for any sequence."""

import ast
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leernet.intervision.core import assignment, rotation, timer
from leernet.intervision.core import role_history as history
from leernet.intervision.core.timer import (
    FINISHED,
    PAUSED,
    READY,
    RUNNING,
    TRANSITIONS,
    TimerError,
    TimerState,
    add_minute,
    client_deadline,
    deadline,
    elapsed,
    finish,
    next_phase,
    overtime,
    pause,
    previous_phase,
    remaining,
    resume,
    start,
)

T0 = datetime(2024, 3, 3, 19, 0, tzinfo=UTC)
PHASES = [300, 600, 120]  # 5, 10 and 2 minutes


def at(seconds):
    return T0 + timedelta(seconds=seconds)


def test_ready_timer_shows_the_first_phase_and_no_deadline():
    state = TimerState()
    assert remaining(state, PHASES, at(500)) == 300
    assert deadline(state, PHASES) is None
    assert elapsed(state, at(500)) == 0


def test_running_counts_down_and_has_a_deadline():
    state = start(TimerState(), PHASES, T0)
    assert (state.status, state.version) == (RUNNING, 1)
    assert remaining(state, PHASES, at(100)) == 200
    assert deadline(state, PHASES) == at(300)
    assert overtime(state, PHASES, at(100)) == 0


def test_overtime_goes_negative_and_is_reported():
    state = start(TimerState(), PHASES, T0)
    assert remaining(state, PHASES, at(330)) == -30
    assert overtime(state, PHASES, at(330)) == 30


def test_pause_freezes_and_resume_moves_the_deadline():
    state = pause(start(TimerState(), PHASES, T0), PHASES, at(100))
    assert state.status == PAUSED
    assert deadline(state, PHASES) is None
    assert remaining(state, PHASES, at(100)) == remaining(state, PHASES, at(1000)) == 200
    state = resume(state, PHASES, at(400))
    assert state.paused_seconds == 300
    assert remaining(state, PHASES, at(400)) == 200
    assert deadline(state, PHASES) == at(600)
    assert elapsed(state, at(450)) == 150


def test_add_minute_extends_the_current_phase_only():
    state = add_minute(start(TimerState(), PHASES, T0), PHASES, at(290))
    assert remaining(state, PHASES, at(290)) == 70
    assert deadline(state, PHASES) == at(360)
    state = next_phase(state, PHASES, at(300))
    assert (state.extra_seconds, remaining(state, PHASES, at(300))) == (0, 600)


def test_back_and_forth_gives_each_phase_its_full_time_again():
    state = start(TimerState(), PHASES, T0)
    state = next_phase(state, PHASES, at(100))
    state = next_phase(state, PHASES, at(200))
    assert (state.phase, remaining(state, PHASES, at(230))) == (2, 90)
    state = previous_phase(state, PHASES, at(250))
    assert (state.phase, remaining(state, PHASES, at(250))) == (1, 600)
    state = previous_phase(state, PHASES, at(260))
    assert (state.phase, deadline(state, PHASES)) == (0, at(560))
    assert state.version == 5


def test_moving_while_paused_keeps_the_clock_stopped():
    state = pause(start(TimerState(), PHASES, T0), PHASES, at(100))
    state = next_phase(state, PHASES, at(200))
    assert state.status == PAUSED
    assert remaining(state, PHASES, at(900)) == 600
    state = resume(state, PHASES, at(1000))
    assert deadline(state, PHASES) == at(1600)


def test_finish_freezes_the_clock():
    state = start(TimerState(), PHASES, T0)
    state = pause(state, PHASES, at(100))
    state = finish(state, PHASES, at(160))
    assert (state.status, state.finished_at, state.paused_at) == (FINISHED, at(160), None)
    assert deadline(state, PHASES) is None
    assert remaining(state, PHASES, at(5000)) == 200
    assert finish(TimerState(), PHASES, T0).status == FINISHED


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (TimerState(), pause),
        (TimerState(), resume),
        (TimerState(), next_phase),
        (TimerState(), add_minute),
        (TimerState(status=RUNNING, started_at=T0), start),
        (TimerState(status=RUNNING, started_at=T0), resume),
        (TimerState(status=PAUSED, started_at=T0, paused_at=T0), pause),
        (TimerState(status=RUNNING, started_at=T0, phase=2), next_phase),
        (TimerState(status=RUNNING, started_at=T0), previous_phase),
        (TimerState(status=FINISHED, finished_at=T0), finish),
        (TimerState(status=FINISHED, finished_at=T0), add_minute),
        (TimerState(phase=7), start),
    ],
)
def test_invalid_transitions_are_refused(state, action):
    with pytest.raises(TimerError):
        action(state, PHASES, at(10))


def test_bad_input_is_refused():
    with pytest.raises(TimerError):
        start(TimerState(), [], T0)
    with pytest.raises(TimerError):
        start(TimerState(), PHASES, datetime(2024, 3, 3, 19, 0))


def test_a_server_clock_behind_the_start_never_gives_more_than_the_time_box():
    state = start(TimerState(), PHASES, T0)
    assert remaining(state, PHASES, at(-5)) == 300
    assert resume(pause(state, PHASES, at(10)), PHASES, at(5)).paused_seconds == 0


def test_client_deadline_corrects_a_phone_that_runs_fast_or_slow():
    server_now, server_deadline = at(0), at(300)
    fast_phone = at(90)  # the phone's clock is 90 s ahead of the server
    assert client_deadline(server_deadline, server_now, fast_phone) == at(390)
    slow_phone = at(-45)
    assert client_deadline(server_deadline, server_now, slow_phone) == at(255)
    # the phone counts down 300 s on its own clock either way
    assert client_deadline(server_deadline, server_now, slow_phone) - slow_phone == timedelta(
        seconds=300
    )


durations = st.lists(st.integers(60, 120 * 60), min_size=1, max_size=8)
VALID = {
    READY: ["start"],
    RUNNING: ["pause", "next", "back", "add_minute"],
    PAUSED: ["resume", "next", "back", "add_minute"],
}


@given(durations, st.data())
def test_any_sequence_of_valid_controls_keeps_the_clock_consistent(phases, data):
    state, now = TimerState(), T0
    for _ in range(data.draw(st.integers(0, 40))):
        wait = data.draw(st.integers(0, 900))
        later = now + timedelta(seconds=wait)
        before = remaining(state, phases, now)
        # time passing alone: frozen unless running, then exactly the wait
        drift = wait if state.status == RUNNING else 0
        assert remaining(state, phases, later) == pytest.approx(before - drift, abs=1e-6)
        now = later
        before = remaining(state, phases, now)
        names = VALID.get(state.status, [])
        names = [
            n for n in names if (n, state.phase) not in {("back", 0), ("next", len(phases) - 1)}
        ]
        name = data.draw(st.sampled_from([*names, "finish"] if names else ["finish"]))
        if state.status == FINISHED:
            with pytest.raises(TimerError):
                finish(state, phases, now)
            break
        new = TRANSITIONS[name](state, phases, now)
        assert new.version == state.version + 1
        after = remaining(new, phases, now)
        if name == "add_minute":
            assert after == pytest.approx(before + 60, abs=1e-6)
        elif name in ("next", "back"):
            assert (after, new.status) == (phases[new.phase], state.status)
            assert abs(new.phase - state.phase) == 1
        else:  # pause, resume, start, finish: the clock does not jump
            assert after == pytest.approx(before, abs=1e-6)
        if new.status == RUNNING:
            assert (deadline(new, phases) - now).total_seconds() == pytest.approx(after, abs=1e-6)
        else:
            assert deadline(new, phases) is None
        assert overtime(new, phases, now) == max(0, -after)
        state = new


@pytest.mark.parametrize("module", [timer, rotation, history, assignment])
def test_domain_modules_import_no_flask_or_database(module):
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not {name.split(".")[0] for name in names} & {"flask", "flask_babel", "sqlalchemy"}
