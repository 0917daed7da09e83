"""In a real browser: after logging out, Back shows nothing private, and no draft stays."""

from playwright.sync_api import expect

from leernet.timeutil import utcnow

from . import factories
from . import intervision_world as iw
from .browser import browser, live_server, log_in, phone  # noqa: F401

CASE = "Mijn opdrachtgever betaalt al drie maanden niet"
NOTE = "Drie incidenten genoemd, vertrouwelijk."


def kept(page):
    """Everything this tab's storage holds, as one string."""
    return page.evaluate(
        "JSON.stringify([Object.assign({}, sessionStorage), Object.assign({}, localStorage)])"
    )


def log_out(page, url):
    page.goto(f"{url}/members/me")
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Log in")).to_be_visible()


def test_after_logout_back_shows_nothing_private(app, live_server, phone):  # noqa: F811
    """And no draft of the minute-taker's notes is kept in the browser."""
    with app.app_context():
        world = iw.build(status="running", started_at=utcnow(), case_question=CASE)
    page = phone()
    url = live_server.url
    log_in(page, url, world["emails"]["minute_taker"])
    expect(page.locator("nav.bottomnav")).to_be_visible()
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


def test_a_reset_by_code_on_two_phones(app, live_server, phone):  # noqa: F811
    """Door 1 in a browser: the member's phone shows a code, the coordinator's phone
    approves it, and the member's page turns into the password form by itself."""
    from .test_browser_a11y import SMALL_TARGETS, TAP, serious_findings

    with app.app_context():
        factories.network()
        factories.user("Anouk Coördinator", email="anouk@example.org", coordinator=True)
        factories.user("Bram Lid", email="bram@example.org")
    url = live_server.url
    member, coordinator = phone(), phone()
    member.goto(f"{url}/password/forgot")
    member.get_by_label("E-mail address").fill("bram@example.org")
    member.get_by_role("button", name="Get a code").click()
    code = member.locator(".reset-code strong").inner_text()
    assert serious_findings(member) == [] and member.evaluate(SMALL_TARGETS, TAP) == []
    log_in(coordinator, url, "anouk@example.org")
    expect(coordinator.locator("nav.bottomnav")).to_be_visible()
    coordinator.goto(f"{url}/admin/members")
    coordinator.get_by_label("Asked for a new password").fill(code)
    assert serious_findings(coordinator) == []
    coordinator.get_by_role("button", name="Approve").click()
    expect(coordinator.get_by_text("Approved: Bram Lid")).to_be_visible()
    member.get_by_label("Password", exact=True).fill("een nieuw lang wachtwoord")
    member.get_by_label("Password again").fill("een nieuw lang wachtwoord")
    member.get_by_role("button", name="Save the new password").click()
    expect(member.locator("nav.bottomnav")).to_be_visible()
