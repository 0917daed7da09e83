"""The room on phones at 360x740: the clock and controls in view after the start, the
case-bringer changed in phase 1, a lost connection shown and a press kept, states you
cannot miss, the reflection reaching everyone, and cards arriving on the case-bringer's
phone."""

import re
import threading

from playwright.sync_api import expect
from werkzeug.serving import make_server

from leernet import create_app
from leernet.extensions import db
from leernet.intervision.models import Session
from leernet.minutes import service as minutes_service

from . import intervision_world as iw
from .browser import (  # noqa: F401
    axe_problems,
    browser,
    live_server,
    log_in,
    no_horizontal_scroll,
    phone,
    shot,
)
from .conftest import app_config

FOLLOW = 5_000  # ms: every phone polls every 2 s; a busy machine answers a poll late


def open_session(phone, server, world, who):  # noqa: F811
    page = phone()
    log_in(page, server.url, world["emails"][who])
    page.goto(f"{server.url}/intervision/{world['session_id']}")
    return page


def in_view(page, selector):
    """The element is wholly on screen, above the bottom navigation."""
    box = page.locator(selector).first.bounding_box()
    nav = page.locator(".bottomnav").bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= nav["y"]


def test_after_the_start_the_clock_and_controls_are_in_one_screen(app, live_server, phone):  # noqa: F811
    with app.app_context():
        world = iw.build()
    fien = open_session(phone, live_server, world, "facilitator")
    assert in_view(fien, "button[value=start]"), "the ready page starts at the top"
    fien.mouse.wheel(0, 600)  # somewhere further down the ready page
    fien.get_by_role("button", name="Start the session").click()
    expect(fien.locator("#live")).to_have_attribute("data-status", "running")
    fien.wait_for_timeout(300)
    for selector in ("[data-countdown]", ".phase-name", "button[value=pause]",
                     "button[value=next]", "button[value=add_minute]", "button[value=finish]"):
        assert in_view(fien, selector), selector
    assert no_horizontal_scroll(fien)
    shot(fien, "room-running-360", full_page=False)


def test_the_case_bringer_is_changed_in_phase_1_and_the_turned_away_view_follows(
    app, live_server, phone  # noqa: F811
):  # fmt: skip
    with app.app_context():
        world = iw.build(method="gossip")
    fien = open_session(phone, live_server, world, "facilitator")
    cas = open_session(phone, live_server, world, "case_bringer")
    piet = open_session(phone, live_server, world, "plain")
    fien.get_by_role("button", name="Start the session").click()
    expect(fien.locator("#live")).to_have_attribute("data-status", "running")
    fien.get_by_label("Whose case?").select_option(label="Piet Deelnemer")
    fien.get_by_role("button", name="Set").click()
    expect(fien.locator("#live")).to_contain_text("Piet Deelnemer brings the case.")
    expect(piet.locator(".role-line")).to_contain_text("Case-bringer Piet Deelnemer",
                                                       timeout=FOLLOW)  # fmt: skip
    for name in ("Introducing the question", "Exploring questions", "Gossip round"):
        fien.get_by_role("button", name="Next").click()
        expect(fien.locator(".phase-name")).to_have_text(name)
    expect(piet.locator(".away")).to_contain_text("Turn away and listen", timeout=FOLLOW)
    expect(cas.locator(".phase-name")).to_have_text("Gossip round", timeout=FOLLOW)
    assert cas.locator(".away").count() == 0, "the old case-bringer now takes part"
    assert fien.get_by_label("Whose case?").count() == 0, "fixed once the case is worked on"


def restart(app, port, tmp_path):
    fresh = create_app(app_config(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path))
    server = make_server("127.0.0.1", port, fresh, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fresh, server


def test_a_lost_connection_is_shown_and_a_press_made_then_is_carried_out(
    app, live_server, phone, tmp_path  # noqa: F811
):  # fmt: skip
    with app.app_context():
        world = iw.build()
    fien = open_session(phone, live_server, world, "facilitator")
    piet = open_session(phone, live_server, world, "plain")
    fien.get_by_role("button", name="Start the session").click()
    expect(piet.locator("#live")).to_have_attribute("data-status", "running", timeout=FOLLOW)
    port = live_server.server.server_port
    live_server.server.shutdown()
    live_server.server.server_close()
    live_server.thread.join(5)
    expect(piet.locator("[data-connection] [data-lost]")).to_be_visible(timeout=5_000)
    expect(fien.locator("[data-connection] [data-lost]")).to_be_visible(timeout=5_000)
    fien.get_by_role("button", name="Pause").click()
    expect(fien.locator("[data-connection] [data-pending]")).to_be_visible()
    shot(fien, "room-offline-360", full_page=False)
    fresh, server = restart(app, port, tmp_path)
    try:
        expect(fien.locator("#live")).to_have_attribute("data-status", "paused", timeout=6_000)
        expect(piet.locator("#live")).to_have_attribute("data-status", "paused", timeout=6_000)
        expect(piet.locator("[data-connection] [data-lost]")).to_be_hidden()
        with app.app_context():
            assert db.session.get(Session, world["session_id"]).version == 2, "one step"
    finally:
        server.shutdown()
        server.server_close()
        with fresh.app_context():
            db.engine.dispose()


def test_paused_and_finished_change_the_whole_block_and_the_reflection_reaches_all(
    app, live_server, phone  # noqa: F811
):  # fmt: skip
    with app.app_context():
        world = iw.build()
    fien = open_session(phone, live_server, world, "facilitator")
    cas = open_session(phone, live_server, world, "case_bringer")
    piet = open_session(phone, live_server, world, "plain")
    running = fien.locator(".timer")
    fien.get_by_role("button", name="Start the session").click()
    expect(piet.locator("#live")).to_have_attribute("data-status", "running", timeout=FOLLOW)
    before = piet.locator(".timer").evaluate("e => getComputedStyle(e).borderColor")
    fien.get_by_role("button", name="Pause").click()
    expect(piet.locator(".state-word")).to_have_text("Paused: the clock stands still",
                                                     timeout=FOLLOW)  # fmt: skip
    # The whole block changes colour (read again until the style has settled).
    expect(piet.locator(".timer")).not_to_have_css("border-color", before)
    shot(piet, "room-paused-360", full_page=False)
    fien.once("dialog", lambda dialog: dialog.accept())
    fien.get_by_role("button", name="Finish early").click()
    expect(running).to_have_count(0)
    expect(piet.locator(".finished-block")).to_contain_text("Session finished", timeout=FOLLOW)
    expect(cas.get_by_label("What did this session bring you?")).to_be_visible(timeout=FOLLOW)
    cas.get_by_label("What did this session bring you?").fill("Ik weet nu wat ik vraag.")
    cas.get_by_role("button", name="Save").click()
    expect(piet.locator("#live")).to_contain_text("Ik weet nu wat ik vraag.", timeout=FOLLOW)
    expect(fien.locator("#live")).to_contain_text("Ik weet nu wat ik vraag.", timeout=FOLLOW)
    assert cas.get_by_label("What did this session bring you?").is_hidden(), "shown once"


def test_cards_typed_on_two_phones_reach_the_case_bringer_and_the_minutes(
    app, live_server, phone  # noqa: F811
):  # fmt: skip
    with app.app_context():
        world = iw.build()
    fien = open_session(phone, live_server, world, "facilitator")
    cas = open_session(phone, live_server, world, "case_bringer")
    piet = open_session(phone, live_server, world, "plain")
    tim = open_session(phone, live_server, world, "timekeeper")
    fien.get_by_role("button", name="Start the session").click()
    for name in ("Sketching the incident", "Exploring questions"):
        fien.get_by_role("button", name="Next").click()
        expect(fien.locator(".phase-name")).to_have_text(name)
    for page, text in ((piet, "Wat was je eerste gedachte?"), (tim, "Wie besliste er?")):
        box = page.get_by_label("A card for Cas Casus")
        expect(box).to_be_visible(timeout=FOLLOW)
        box.fill(text)
        page.get_by_role("button", name="Send the card").click()
        expect(page.locator(".card-list")).to_contain_text(text)
        expect(box).to_have_value("")
    expect(cas.locator(".card-list li")).to_have_count(2, timeout=FOLLOW)
    cas.locator(".card-list li", has_text="Wie besliste er?").get_by_role(
        "button", name="This helps").click()  # fmt: skip
    expect(cas.locator(".card-list li.marked")).to_have_count(1)
    assert no_horizontal_scroll(cas)
    shot(cas, "room-cards-360")
    fien.once("dialog", lambda dialog: dialog.accept())
    fien.get_by_role("button", name="Finish early").click()
    expect(cas.locator(".finished-block")).to_be_visible(timeout=FOLLOW)
    with app.app_context():
        text = minutes_service.find("session", world["session_id"]).text
    assert "- Wat was je eerste gedachte?" in text and "- Wie besliste er? (helped)" in text


def test_the_room_screen_follows_and_a_non_participant_cannot_open_it(
    app, live_server, phone  # noqa: F811
):  # fmt: skip
    with app.app_context():
        world = iw.build()
        db.session.get(Session, world["session_id"]).case_question = "Geheime casus"
        db.session.commit()
    olga = phone()
    log_in(olga, live_server.url, world["emails"]["outsider"])
    refused = olga.goto(f"{live_server.url}/intervision/{world['session_id']}/screen")
    assert refused.status == 403
    piet = phone()
    log_in(piet, live_server.url, world["emails"]["plain"])
    piet.goto(f"{live_server.url}/intervision/{world['session_id']}/screen")
    link = piet.locator("#pair-link").input_value()
    tv = phone()  # the venue's TV: nobody logged in
    tv.set_viewport_size({"width": 1280, "height": 720})
    tv.goto(link)
    expect(tv.locator(".screen")).to_contain_text("Starting soon")
    fien = open_session(phone, live_server, world, "facilitator")
    fien.get_by_role("button", name="Start the session").click()
    expect(tv.locator(".phase-name")).to_have_text("Choosing the incident", timeout=FOLLOW)
    expect(tv.locator("[data-countdown]")).to_have_text(re.compile(r"^[45]:\d\d$"))
    assert "Geheime casus" not in tv.content()
    shot(tv, "room-screen-1280", full_page=False)
    fien.once("dialog", lambda dialog: dialog.accept())
    fien.get_by_role("button", name="Finish early").click()
    expect(tv.locator("#live")).to_contain_text("This session has finished.", timeout=FOLLOW)


def test_the_room_pages_pass_an_accessibility_audit(app, live_server, phone):  # noqa: F811
    with app.app_context():
        world = iw.build()
    fien = open_session(phone, live_server, world, "facilitator")
    problems = []

    def audit(page, name):
        problems.extend(axe_problems(page, name))
        assert no_horizontal_scroll(page), name

    audit(fien, "ready")
    fien.get_by_role("button", name="Start the session").click()
    for name in ("Sketching the incident", "Exploring questions"):
        fien.get_by_role("button", name="Next").click()
        expect(fien.locator(".phase-name")).to_have_text(name)
    audit(fien, "running")
    piet = open_session(phone, live_server, world, "plain")
    audit(piet, "cards")
    piet.goto(f"{live_server.url}/intervision/{world['session_id']}/screen")
    audit(piet, "screen")
    assert problems == []


def test_overtime_turns_the_whole_block_red(app, live_server, phone):  # noqa: F811
    from datetime import timedelta

    from leernet.timeutil import utcnow

    with app.app_context():
        world = iw.build(status="running", started_at=utcnow() - timedelta(minutes=6))
    piet = open_session(phone, live_server, world, "plain")
    expect(piet.locator("#live.over [data-time-up]")).to_be_visible()
    expect(piet.locator("[data-countdown]")).to_have_text(re.compile(r"^\+1:0\d$"))
    expect(piet.locator(".timer")).to_have_css("background-color", "rgb(249, 222, 220)")
