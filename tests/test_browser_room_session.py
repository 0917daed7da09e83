"""A whole incident-method session as a group at one table runs it: four phones and the
room screen on a laptop, the case chosen in phase 1, cards in the advice round, the
reflection reaching every phone; no reload, and the clock never scrolled out of view."""

import time

from playwright.sync_api import expect

from leernet.extensions import db
from leernet.intervision.models import Participant, Session
from leernet.minutes import service as minutes_service

from . import intervision_world as iw
from .browser import browser, live_server, phone  # noqa: F401
from .test_browser_room import in_view, open_session

FOLLOW = 5_000  # ms: polls every 2 s; five browsers on a busy machine get some slack
CONTROLS = ("[data-countdown]", "button[value=pause]", "button[value=add_minute]",
            "button[value=finish]")  # fmt: skip


def test_a_whole_session_from_phones_with_cards_the_case_chosen_and_a_room_screen(
    app, live_server, phone  # noqa: F811
):  # fmt: skip
    with app.app_context():
        world = iw.build()
    fien = open_session(phone, live_server, world, "facilitator")
    tim = open_session(phone, live_server, world, "timekeeper")
    cas = open_session(phone, live_server, world, "case_bringer")
    piet = open_session(phone, live_server, world, "plain")
    phones = (fien, tim, cas, piet)
    piet.goto(f"{live_server.url}/intervision/{world['session_id']}/screen")
    link = piet.locator("#pair-link").input_value()
    piet.goto(f"{live_server.url}/intervision/{world['session_id']}")
    laptop = phone()
    laptop.set_viewport_size({"width": 1280, "height": 720})
    laptop.goto(link)
    navigations = []
    for page in (*phones, laptop):
        page.on("framenavigated", lambda frame: navigations.append(frame.url))

    fien.get_by_role("button", name="Start the session").click()
    expect(fien.locator("#live")).to_have_attribute("data-status", "running")
    expect(tim.locator("#live")).to_have_attribute("data-status", "running", timeout=FOLLOW)
    for page in (fien, tim):
        for selector in CONTROLS:
            assert in_view(page, selector), selector
    # Phase 1: the group picks Piet's incident; Piet brings the case, Cas takes his place.
    fien.get_by_label("Whose case?").select_option(label="Piet Deelnemer")
    fien.get_by_role("button", name="Set").click()
    expect(piet.locator(".role-line li.mine")).to_contain_text("Case-bringer", timeout=FOLLOW)
    lags = []
    phases = ["Sketching the incident", "Exploring questions", "Formulating the question",
              "Everyone's position"]  # fmt: skip
    for name in phases:
        fien.get_by_role("button", name="Next").click()
        pressed = time.monotonic()
        for page in (tim, cas, piet, laptop):
            expect(page.locator(".phase-name")).to_have_text(name, timeout=FOLLOW)
            lags.append(time.monotonic() - pressed)
        for selector in CONTROLS:
            assert in_view(tim, selector), (name, selector)
    # The advice round: cards from three phones reach Piet.
    for page, text in ((fien, "Eerst de ouders bellen"), (tim, "Grenzen eerder noemen"),
                       (cas, "Hulp vragen aan een collega")):  # fmt: skip
        page.get_by_label("A card for Piet Deelnemer").fill(text)
        page.get_by_role("button", name="Send the card").click()
    expect(piet.locator(".card-list li")).to_have_count(3, timeout=FOLLOW)
    piet.locator(".card-list li", has_text="Grenzen eerder noemen").get_by_role(
        "button", name="This helps").click()  # fmt: skip
    expect(piet.locator(".card-list li.marked")).to_have_count(1)
    for name in ("Positions shared", "What the case-bringer did", "Discussion", "Evaluation"):
        tim.get_by_role("button", name="Next").click()
        expect(laptop.locator(".phase-name")).to_have_text(name, timeout=FOLLOW)
    assert "Grenzen" not in laptop.content(), "the room screen shows no cards"
    # Fien presses Finish on the phase her phone shows: a press on a view older than the
    # clock is refused as stale, as it should be, so wait until her poll caught up.
    expect(fien.locator(".phase-name")).to_have_text("Evaluation", timeout=FOLLOW)
    fien.once("dialog", lambda dialog: dialog.accept())
    fien.get_by_role("button", name="Finish").click()
    expect(laptop.locator("#live")).to_contain_text("This session has finished.", timeout=FOLLOW)
    reflection = piet.get_by_label("What did this session bring you?")
    reflection.fill("Ik noem grenzen eerder.", timeout=FOLLOW)
    piet.get_by_role("button", name="Save").click()
    for page in (fien, tim, cas):
        expect(page.locator("#live")).to_contain_text("Ik noem grenzen eerder.", timeout=FOLLOW)
    assert navigations == [], "nobody reloaded"
    with app.app_context():
        held = dict(db.session.execute(
            db.select(Participant.user_id, Participant.held_role)
            .where(Participant.session_id == world["session_id"])
        ).all())  # fmt: skip
        text = minutes_service.find("session", world["session_id"]).text
        assert db.session.get(Session, world["session_id"]).status == "finished"
    assert held[world["ids"]["plain"]] == "case_bringer"
    assert held[world["ids"]["case_bringer"]] is None, "Cas took Piet's place: no role"
    assert "- Grenzen eerder noemen (helped)" in text and "- Eerst de ouders bellen" in text
    print(f"follow: {len(lags)} changes, median {sorted(lags)[len(lags) // 2]:.2f} s, "
          f"max {max(lags):.2f} s")  # fmt: skip
