"""The first day on phones (360 px): Admin one tap from home, a group link, an approval."""

import re

from playwright.sync_api import expect

from .browser import browser, live_server, log_in, no_horizontal_scroll, phone  # noqa: F401
from .test_browser_a11y import SMALL_TARGETS, TAP, serious_findings


def accessible(page):
    """As the main pages are held to: no serious axe finding, no small target, no sideways."""
    assert serious_findings(page) == [], page.url
    assert page.evaluate(SMALL_TARGETS, TAP) == [], page.url
    assert no_horizontal_scroll(page), page.url


def test_group_link_from_home_to_an_approved_newcomer(people, live_server, phone):  # noqa: F811
    coordinator = phone()
    log_in(coordinator, live_server.url, people["coordinator"][1])
    coordinator.locator("header").get_by_role("link", name="Admin").click()  # one tap
    expect(coordinator).to_have_url(f"{live_server.url}/admin/")
    tabs = coordinator.locator("nav.tabs a")
    expect(tabs).to_have_count(5)
    for index in range(5):
        box = tabs.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert no_horizontal_scroll(coordinator)

    tabs.nth(1).click()
    coordinator.get_by_label("At most how many people? (optional)").fill("20")
    coordinator.get_by_role("button", name="Create group link").click()
    expect(coordinator).to_have_url(re.compile(r"/admin/group-links/\d+$"))
    expect(coordinator.locator("img.qr")).to_be_visible()
    expect(coordinator.get_by_text("0 of 20 people joined")).to_be_visible()
    link = coordinator.locator("#join-link").input_value()
    accessible(coordinator)

    newcomer = phone()
    newcomer.goto(link)
    expect(newcomer.get_by_text("A coordinator approves each new member")).to_be_visible()
    accessible(newcomer)
    newcomer.get_by_label("Your name").fill("Noor Nieuw")
    newcomer.get_by_label("E-mail address").fill("noor@example.org")
    newcomer.get_by_label("Password", exact=True).fill("paarden eten hooi")
    newcomer.get_by_role("button", name="Join the network").click()
    expect(newcomer.get_by_role("heading", name="Almost there, Noor Nieuw")).to_be_visible()
    expect(newcomer.locator("nav.bottomnav")).to_have_count(0)
    accessible(newcomer)

    coordinator.goto(live_server.url)
    card = coordinator.locator("#card-start")
    expect(card).to_contain_text("Noor Nieuw")
    accessible(coordinator)
    card.get_by_role("button", name="Approve").click()
    expect(coordinator.get_by_text("Noor Nieuw is now a member.")).to_be_visible()
    expect(coordinator.locator("footer.footer")).to_be_visible()

    newcomer.goto(f"{live_server.url}/login")
    newcomer.get_by_label("E-mail address").fill("noor@example.org")
    newcomer.get_by_label("Password", exact=True).fill("paarden eten hooi")
    newcomer.get_by_role("button", name="Log in").click()
    expect(newcomer.get_by_role("heading", name="Hello Noor Nieuw")).to_be_visible()
