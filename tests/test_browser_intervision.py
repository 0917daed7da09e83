"""On phones: the facilitator runs the timer and every other phone follows within 3 s,
the case-bringer turns away in a silent phase, and a server restart loses no time."""

import re
import threading

from playwright.sync_api import expect
from werkzeug.serving import make_server

from leernet import create_app
from leernet.extensions import db
from leernet.intervision.core import timer
from leernet.intervision.models import Session
from leernet.intervision.plans import Plan
from leernet.timeutil import utcnow

from . import intervision_world as iw
from .browser import audit, browser, live_server, log_in, no_horizontal_scroll, phone  # noqa: F401
from .conftest import app_config

FOLLOW = 5_000  # ms: every phone polls every 2 s; a busy machine answers a poll late


def shown_seconds(page):
    text = page.locator("[data-countdown]").inner_text().strip()
    minutes, seconds = text.lstrip("+").split(":")
    value = int(minutes) * 60 + int(seconds)
    return -value if text.startswith("+") else value


#: The script ticks once a second (on the second its digits change), so what it holds may be
#: up to a second old when read, plus the browser's own delay on a busy machine.
TICK = 1.5


def counted_seconds(page):
    """What the phone's own countdown holds now (its script keeps ``data-left`` in ms)."""
    clock = page.locator("[data-countdown][data-left]")
    expect(clock).to_have_count(1)
    return int(clock.get_attribute("data-left")) / 1000


def server_remaining(app, session_id):
    with app.app_context():
        db.session.expire_all()
        row = db.session.get(Session, session_id)
        return timer.remaining(row.timer_state, Plan(row.plan).durations, utcnow())


def test_everyone_follows_the_facilitator_and_a_restart_loses_no_time(  # noqa: F811
    app, live_server, phone, tmp_path  # noqa: F811
):  # fmt: skip
    with app.app_context():
        world = iw.build()
    session = f"{live_server.url}/intervision/{world['session_id']}"
    fien, piet = phone(), phone()
    log_in(fien, live_server.url, world["emails"]["facilitator"])
    log_in(piet, live_server.url, world["emails"]["plain"])
    fien.goto(session)
    piet.goto(session)
    expect(piet.locator("#live")).to_contain_text("Waiting for the facilitator to start")
    assert piet.locator("form.controls").count() == 0, "a participant has no controls"

    fien.get_by_role("button", name="Start the session").click()
    expect(piet.locator("#live")).to_have_attribute("data-status", "running", timeout=FOLLOW)
    expect(piet.locator(".phase-name")).to_have_text("Choosing the incident")
    expect(piet.locator("[data-countdown]")).to_have_text(re.compile(r"^[45]:\d\d$"))
    first = shown_seconds(piet)
    piet.wait_for_timeout(1_300)
    assert shown_seconds(piet) < first, "the phone counts down by itself"
    assert piet.locator("form.controls").count() == 0
    assert no_horizontal_scroll(piet) and no_horizontal_scroll(fien)

    fien.get_by_role("button", name="Next").click()
    expect(piet.locator(".phase-name")).to_have_text("Sketching the incident", timeout=FOLLOW)
    expect(piet.locator(".phase-count")).to_contain_text("Phase 2 of 9")

    # Restart: stop the server, start a fresh app on the same port and database.
    port = live_server.server.server_port
    live_server.server.shutdown()
    live_server.server.server_close()
    live_server.thread.join(5)
    piet.wait_for_timeout(2_500)  # a poll fails while it is down; the countdown goes on
    fresh = create_app(app_config(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path))
    server = make_server("127.0.0.1", port, fresh, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        expected = server_remaining(app, world["session_id"])
        assert abs(counted_seconds(piet) - expected) <= TICK
        assert abs(shown_seconds(piet) - expected) <= 1.5  # whole seconds, rounded up
        piet.reload()
        expect(piet.locator(".phase-name")).to_have_text("Sketching the incident")
        counted = counted_seconds(piet)
        assert abs(counted - server_remaining(app, world["session_id"])) <= TICK
        fien.get_by_role("button", name="Pause").click()
        expect(piet.locator("#live")).to_contain_text("Paused", timeout=FOLLOW)
    finally:
        server.shutdown()
        server.server_close()
        with fresh.app_context():
            db.engine.dispose()


def test_the_case_bringer_turns_away_in_a_silent_phase(app, live_server, phone):  # noqa: F811
    with app.app_context():
        world = iw.build(method="gossip")
    session = f"{live_server.url}/intervision/{world['session_id']}"
    fien, cas = phone(), phone()
    log_in(fien, live_server.url, world["emails"]["facilitator"])
    log_in(cas, live_server.url, world["emails"]["case_bringer"])
    cas.goto(session)
    cas.get_by_label("Your case question").fill("Hoe zeg ik nee?")
    cas.get_by_role("button", name="Save my case").click()
    expect(cas.locator("#live")).to_contain_text("Your case question is saved.")
    fien.goto(session)
    expect(fien.locator("#live")).to_contain_text("Hoe zeg ik nee?")
    fien.get_by_role("button", name="Start the session").click()
    expect(cas.locator("#live")).to_have_attribute("data-status", "running", timeout=FOLLOW)
    for name in ("Introducing the question", "Exploring questions", "Gossip round"):
        fien.get_by_role("button", name="Next").click()
        expect(fien.locator(".phase-name")).to_have_text(name)
    expect(cas.locator(".away")).to_contain_text("Turn away and listen", timeout=FOLLOW)
    assert cas.locator("form.controls").count() == 0
    assert no_horizontal_scroll(cas)
    fien.get_by_role("button", name="Next").click()
    expect(cas.locator(".phase-name")).to_have_text("Case-bringer's response", timeout=FOLLOW)
    assert cas.locator(".away").count() == 0


def test_minute_taker_notes_save_while_typing(app, live_server, phone):  # noqa: F811
    with app.app_context():
        world = iw.build(status="running", started_at=utcnow())
    page = phone()
    log_in(page, live_server.url, world["emails"]["minute_taker"])
    page.goto(f"{live_server.url}/intervision/{world['session_id']}")
    page.get_by_label("Your notes for this phase").fill("Drie incidenten genoemd.")
    expect(page.locator("#note-saved")).to_contain_text("Saved at", timeout=FOLLOW)
    page.reload()
    expect(page.get_by_label("Your notes for this phase")).to_have_value("Drie incidenten genoemd.")


def test_intervision_pages_pass_an_accessibility_audit(app, live_server, phone):  # noqa: F811
    with app.app_context():
        world = iw.build()
    page = phone()
    log_in(page, live_server.url, world["emails"]["coordinator"])
    sid, mid = world["session_id"], world["meeting_id"]
    paths = [f"/intervision/{sid}", "/intervision/", "/intervision/methods/",
             "/intervision/methods/gossip", "/intervision/methods/new", "/intervision/groups/",
             "/intervision/groups/new", "/intervision/history",
             f"/intervision/meeting/{mid}/new", f"/meetings/{mid}"]  # fmt: skip
    assert audit(page, live_server.url, paths) == []
