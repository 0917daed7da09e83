"""In a real browser: after logging out, Back shows nothing private, and no draft stays."""

from playwright.sync_api import expect

from leernet.timeutil import utcnow

from . import factories
from . import intervision_world as iw
from .browser import browser, live_server, phone  # noqa: F401

CASE = "Mijn opdrachtgever betaalt al drie maanden niet"
NOTE = "Drie incidenten genoemd, vertrouwelijk."


def log_in(page, url, email):
    page.goto(f"{url}/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("nav.bottomnav")).to_be_visible()


def kept(page):
    """Everything this tab's storage holds, as one string."""
    return page.evaluate(
        "JSON.stringify([Object.assign({}, sessionStorage), Object.assign({}, localStorage)])"
    )


def log_out(page, url):
    page.goto(f"{url}/members/me")
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_after_logout_back_shows_nothing_private_and_no_draft_is_kept(
    app, live_server, phone  # noqa: F811
):
    with app.app_context():
        world = iw.build(status="running", started_at=utcnow(), case_question=CASE)
    page = phone()
    url = live_server.url
    log_in(page, url, world["emails"]["minute_taker"])
    page.goto(f"{url}/intervision/{world['session_id']}")
    assert CASE in page.content()
    box = page.get_by_label("Your notes for this phase")
    box.fill(NOTE)
    assert NOTE not in page.evaluate("JSON.stringify(Object.assign({}, localStorage))")
    expect(page.locator("#note-saved")).to_contain_text("Saved at")
    assert NOTE not in kept(page)  # saved: the draft is gone
    # Away through the app's own (boosted) links, then log out.
    page.locator("nav.bottomnav a").first.click()
    expect(page.locator("nav.bottomnav")).to_be_visible()
    assert CASE not in kept(page) and NOTE not in kept(page)
    log_out(page, url)
    assert CASE not in kept(page) and NOTE not in kept(page)
    for _ in range(3):
        page.go_back()
        page.wait_for_load_state()
        html = page.content()
        assert CASE not in html and NOTE not in html
