"""On phones: the minute-taker's notes during a session become its minutes when the
session finishes; a participant finds them in search, a member outside it does not."""

import re

from playwright.sync_api import expect

from . import intervision_world as iw
from .browser import browser, live_server, log_in, no_horizontal_scroll, phone  # noqa: F401
from .test_browser_intervision import FOLLOW

WORD = "cultuurkaartincident"


def search_for(page, url, word):
    page.goto(f"{url}/search")
    page.get_by_label("Search resources, questions, members and more").fill(word)
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("[aria-live=polite]").first).to_be_visible()


def test_notes_become_minutes_a_participant_finds(app, live_server, phone):  # noqa: F811
    with app.app_context():
        world = iw.build()
    url = live_server.url
    session = f"{url}/intervision/{world['session_id']}"
    fien, mila, piet, olga = phone(), phone(), phone(), phone()
    for page, who in ((fien, "facilitator"), (mila, "minute_taker"), (piet, "plain"),
                      (olga, "outsider")):  # fmt: skip
        log_in(page, url, world["emails"][who])
    fien.goto(session)
    mila.goto(session)
    fien.get_by_role("button", name="Start the session").click()
    expect(mila.locator("#live")).to_have_attribute("data-status", "running", timeout=FOLLOW)

    notes = mila.get_by_label("Your notes for this phase")
    notes.fill(f"De groep koos het {WORD}.")
    expect(mila.locator("#note-saved")).to_contain_text("Saved at", timeout=FOLLOW)
    assert no_horizontal_scroll(mila)
    fien.get_by_role("button", name="Next").click()
    expect(mila.locator(".phase-name")).to_have_text("Sketching the incident", timeout=FOLLOW)
    notes = mila.get_by_label("Your notes for this phase")
    expect(notes).to_have_value("")
    notes.fill("Het gesprek met de wethouder liep vast.")
    expect(mila.locator("#note-saved")).to_contain_text("Saved at", timeout=FOLLOW)

    fien.once("dialog", lambda dialog: dialog.accept())
    fien.get_by_role("button", name="Finish early").click()
    expect(fien.locator("#live")).to_have_attribute("data-status", "finished")

    piet.goto(session)
    piet.get_by_role("link", name="Minutes").click()
    expect(piet).to_have_url(re.compile(r"/minutes/\d+$"))
    text = piet.locator(".minutes-text")
    expect(text.locator("h2")).to_have_text(["Choosing the incident", "Sketching the incident"])
    expect(text).to_contain_text(f"De groep koos het {WORD}.")
    expect(text).to_contain_text("Het gesprek met de wethouder liep vast.")
    expect(piet.locator(".badge").first).to_have_text("Shared for amendment")
    assert no_horizontal_scroll(piet)
    minutes_url = piet.url

    search_for(piet, url, WORD)
    result = piet.locator(".results .title")
    expect(result).to_have_count(1)
    expect(result).to_contain_text("Groep 1")
    assert no_horizontal_scroll(piet)
    result.click()
    expect(piet).to_have_url(minutes_url)

    search_for(olga, url, WORD)
    expect(olga.locator(".results")).to_have_count(0)
    expect(olga.get_by_text(f"Nothing found for “{WORD}”")).to_be_visible()
    olga.goto(minutes_url)
    expect(olga.locator("h1")).not_to_have_text("Minutes")
    assert WORD not in olga.content()
