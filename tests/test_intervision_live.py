"""The live timer over HTTP: who controls it, the cheap poll, versions, races, restarts."""

import threading
from datetime import timedelta

import pytest

from leernet.extensions import db
from leernet.intervision import live
from leernet.intervision.core import timer
from leernet.intervision.models import Participant, Session
from leernet.intervision.plans import Plan
from leernet.members.models import User
from leernet.timeutil import utcnow

from . import intervision_world as iw
from .conftest import HTMX, Client, app_config
from .queries import counting


def session_row(app, world):
    with app.app_context():
        db.session.expire_all()
        return db.session.get(Session, world["session_id"])


def press(client, world, action, version=None, htmx=True):
    if version is None:
        version = session_row(client.application, world).version
    return client.post(
        f"/intervision/{world['session_id']}/timer",
        data={"action": action, "version": version},
        headers=HTMX if htmx else {},
    )


def test_facilitator_starts_and_everyone_follows(app, client, world):
    iw.login(client, world, "facilitator")
    response = press(client, world, "start")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'id="live"' in page and "Choosing the incident" in page
    assert 'data-status="running"' in page and "data-deadline=" in page
    row = session_row(app, world)
    assert (row.status, row.phase, row.version) == ("running", 0, 1)
    with app.app_context():
        held = dict(
            db.session.execute(
                db.select(Participant.user_id, Participant.held_role).where(
                    Participant.session_id == world["session_id"]
                )
            ).all()
        )
    assert held[world["ids"]["facilitator"]] == "facilitator"
    assert held[world["ids"]["plain"]] is None

    follower = app.test_client()
    iw.login(follower, world, "plain")
    state = follower.get(f"/intervision/{world['session_id']}/state?v=0", headers=HTMX)
    assert state.status_code == 200
    body = state.get_data(as_text=True)
    assert "Choosing the incident" in body and 'name="action"' not in body, "no controls"
    assert state.headers["Cache-Control"] == "no-store"


def test_the_poll_answers_204_in_one_query_without_a_template_or_cookie(
    app, client, world, monkeypatch
):
    from flask import template_rendered

    polls = []
    run = live.run_poll_query
    monkeypatch.setattr(live, "run_poll_query", lambda *args: polls.append(args) or run(*args))
    iw.login(client, world, "plain")
    url = f"/intervision/{world['session_id']}/state?v=0"
    client.get(url)  # warm up
    polls.clear()
    rendered = []

    def note(_sender, template, **_extra):
        rendered.append(template.name)

    template_rendered.connect(note, app)
    try:
        with counting(app) as statements:
            response = client.get(url, headers=HTMX)
    finally:
        template_rendered.disconnect(note, app)
    assert response.status_code == 204 and response.data == b""
    assert len(polls) == 1 and len(statements) == 1, "one query"
    assert rendered == []
    assert response.headers["ETag"] == '"0"'
    assert "Set-Cookie" not in response.headers, "a 204 need not re-sign the session"
    assert client.get(f"/intervision/{world['session_id']}/state",
                      headers={"If-None-Match": '"0"'}).status_code == 304  # fmt: skip


def test_the_polls_one_query_still_checks_who_asks(app, client, world):
    url = f"/intervision/{world['session_id']}/state?v=0"
    for who, status in [("plain", 204), ("coordinator", 204), ("outsider", 403)]:
        iw.login(client, world, who)
        assert client.get(url).status_code == status, who
    iw.login(client, world, "plain")
    with app.app_context():
        db.session.get(User, world["ids"]["plain"]).session_version += 1  # password changed
        db.session.commit()
    assert client.get(url).status_code == 302, "an ended session polls no more"


def test_poll_sends_the_fragment_on_change_and_286_once_the_reflection_is_in(app, client, world):
    iw.login(client, world, "timekeeper")
    assert press(client, world, "start").status_code == 200
    state = client.get(f"/intervision/{world['session_id']}/state?v=0", headers=HTMX)
    assert state.status_code == 200 and 'v=1"' in state.get_data(as_text=True)
    assert press(client, world, "finish").status_code == 200
    done = client.get(f"/intervision/{world['session_id']}/state?v=1", headers=HTMX)
    assert done.status_code == 200, "phones keep polling for the reflection"
    assert "Session finished" in done.get_data(as_text=True)
    assert "every 2s" in done.get_data(as_text=True)
    assert client.get(f"/intervision/{world['session_id']}/state?v=2").status_code == 204
    iw.login(client, world, "case_bringer")
    saved = client.post(
        f"/intervision/{world['session_id']}/reflection",
        data={"reflection": "Ik zeg vaker nee.", "action": "Nee zeggen"},
        headers=HTMX,
    )
    assert saved.status_code == 200
    page = saved.get_data(as_text=True)
    shown, folded = page.split("Change your reflection")
    assert "Ik zeg vaker nee." in shown and "<details" in shown, "the card, the form folded away"
    iw.login(client, world, "timekeeper")
    last = client.get(f"/intervision/{world['session_id']}/state?v=2", headers=HTMX)
    assert last.status_code == 286 and "Ik zeg vaker nee." in last.get_data(as_text=True)
    assert "every 2s" not in last.get_data(as_text=True), "no poller once reflected"
    assert client.get(f"/intervision/{world['session_id']}/state?v=3").status_code == 286


@pytest.mark.parametrize("who", ["plain", "case_bringer", "minute_taker", "outsider"])
def test_controls_from_someone_without_the_role_change_nothing(app, client, world, who):
    iw.login(client, world, who)
    assert press(client, world, "start").status_code == 403
    row = session_row(app, world)
    assert (row.status, row.version) == ("ready", 0)


def test_a_coordinator_not_in_the_session_may_run_the_timer(app, client, world):
    iw.login(client, world, "coordinator")
    assert press(client, world, "start").status_code == 200
    assert session_row(app, world).status == "running"


def test_a_stale_version_answers_with_the_current_state(app, client, world):
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    press(client, world, "next")
    stale = press(client, world, "next", version=1)
    assert stale.status_code == 200
    assert "Someone else was just quicker" in stale.get_data(as_text=True)
    row = session_row(app, world)
    assert (row.phase, row.version) == (1, 2)


def test_refused_controls_say_why(app, client, world):
    iw.login(client, world, "facilitator")
    assert press(client, world, "pause").status_code == 409  # not started
    press(client, world, "start")
    with app.app_context():
        last = Plan(db.session.get(Session, world["session_id"]).plan).count - 1
    for _ in range(last):
        press(client, world, "next")
    response = press(client, world, "next")
    assert response.status_code == 409
    assert "finish the session instead" in response.get_data(as_text=True)
    assert press(client, world, "nonsense").status_code == 409
    assert session_row(app, world).phase == last


def test_without_javascript_controls_redirect_back(app, client, world):
    iw.login(client, world, "facilitator")
    response = press(client, world, "start", htmx=False)
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/intervision/{world['session_id']}")


def test_pause_add_minute_and_resume_move_the_deadline(app, client, world):
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    for action in ("pause", "add_minute", "resume"):
        assert press(client, world, action).status_code == 200
    row = session_row(app, world)
    assert (row.status, row.extra_seconds, row.version) == ("running", 60, 4)
    with app.app_context():
        row = db.session.get(Session, world["session_id"])
        left = timer.remaining(row.timer_state, Plan(row.plan).durations, utcnow())
    assert 5 * 60 + 60 - 5 < left <= 6 * 60


def race(app, world, who, action, version):
    """Two phones press at the same moment; returns their status codes."""
    clients = []
    for name in who:
        client = app.test_client()
        iw.login(client, world, name)
        client.csrf = client.csrf_token()
        clients.append(client)
    barrier = threading.Barrier(len(clients))
    codes = []

    def go(client):
        barrier.wait()
        response = client.post(
            f"/intervision/{world['session_id']}/timer",
            data={"action": action, "version": version, "csrf_token": client.csrf},
            headers=HTMX,
            csrf=False,
        )
        codes.append(response.status_code)

    threads = [threading.Thread(target=go, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return codes


def test_two_next_presses_at_once_make_one_step(app, client, world):
    iw.login(client, world, "facilitator")
    press(client, world, "start")
    for _ in range(3):
        version = session_row(app, world).version
        before = session_row(app, world).phase
        codes = race(app, world, ["facilitator", "timekeeper", "coordinator"], "next", version)
        assert codes == [200, 200, 200]
        row = session_row(app, world)
        assert (row.phase, row.version) == (before + 1, version + 1)


def test_after_a_restart_the_countdown_continues_at_the_right_time(app, client, world, tmp_path):
    """A new app (another worker, or after a crash) computes the same remaining time."""
    from leernet import create_app

    iw.login(client, world, "facilitator")
    press(client, world, "start")
    with app.app_context():
        row = db.session.get(Session, world["session_id"])
        row.started_at = utcnow() - timedelta(minutes=2)  # as if it started two minutes ago
        db.session.commit()
    other = create_app(app_config(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path))
    other.test_client_class = Client
    phone = other.test_client()
    iw.login(phone, world, "plain")
    page = phone.get(f"/intervision/{world['session_id']}").get_data(as_text=True)
    deadline = int(page.split('data-deadline="')[1].split('"')[0])
    server_now = int(page.split('data-server-now="')[1].split('"')[0])
    assert abs((deadline - server_now) / 1000 - 3 * 60) < 2  # 5-minute phase, 2 gone
    assert "3:00" in page or "2:59" in page
    with other.app_context():
        db.engine.dispose()
