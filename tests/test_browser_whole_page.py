"""After every everyday action the page keeps its header, navigation and footer (issue 14).

Each action of the issue, on a phone (360 px) and a laptop (1280 px): before the fix
htmx swapped a bare fragment into ``<body>`` after each of them.
"""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from leernet.extensions import db

from . import factories
from .browser import PHONE, browser, live_server, log_in  # noqa: F401

LAPTOP = {"viewport": {"width": 1280, "height": 800}, "locale": "en-GB"}


@pytest.fixture(params=["phone", "laptop"])
def page(request, browser):  # noqa: F811
    context = browser.new_context(**(PHONE if request.param == "phone" else LAPTOP))
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.device = request.param
    yield page
    context.close()


def assert_whole(page):
    """Header, the navigation this screen shows, and footer are there and visible."""
    expect(page.locator("header.topbar")).to_be_visible()
    nav = "nav.bottomnav" if page.device == "phone" else "nav.topnav"
    expect(page.locator(nav)).to_be_visible()
    expect(page.locator("footer.footer")).to_be_visible()
    expect(page.locator("body > main#main")).to_have_count(1)


def test_switching_language_on_each_list_and_a_poll(app, people, live_server, page):  # noqa: F811
    with app.app_context():
        poll_id = factories.poll(db.session.get(factories.User, people["coordinator"][0])).id
    log_in(page, live_server.url, people["member"][1])
    for path in ("/members/", "/meetings/", "/resources/", "/questions/", "/decisions/",
                 f"/polls/{poll_id}"):  # fmt: skip
        page.goto(live_server.url + path)
        page.locator("footer").get_by_role("button", name="Nederlands").click()
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        assert_whole(page)
        page.locator("footer").get_by_role("button", name="English").click()
        expect(page.locator("html")).to_have_attribute("lang", "en")
        assert_whole(page)
        assert page.url == live_server.url + path


def test_logging_in_after_opening_meetings(people, live_server, page):  # noqa: F811
    page.goto(f"{live_server.url}/meetings/")
    page.get_by_label("E-mail address").fill(people["member"][1])
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/meetings/")
    assert_whole(page)


def test_creating_a_date_poll(people, live_server, page):  # noqa: F811
    log_in(page, live_server.url, people["coordinator"][1])
    page.goto(f"{live_server.url}/polls/new")
    page.get_by_label("What is it for?").fill("Najaarsbijeenkomst")
    for row, days in enumerate((10, 17)):
        day = date.today() + timedelta(days=days)
        page.locator(f"[name='options-{row}-date']").fill(day.isoformat())
        page.locator(f"[name='options-{row}-start']").fill("19:00")
        page.locator(f"[name='options-{row}-end']").fill("21:00")
    page.locator("main").get_by_role("button").last.click()
    expect(page).to_have_url(re.compile(r"/polls/\d+$"))
    expect(page.get_by_role("heading", name="Najaarsbijeenkomst")).to_be_visible()
    assert_whole(page)


def test_choosing_how_to_hear_about_new_proposals(people, live_server, page):  # noqa: F811
    """Once a switch at the foot of the decisions page; now a choice per subject."""
    log_in(page, live_server.url, people["member"][1])
    page.goto(f"{live_server.url}/inbox/settings")
    page.locator("main").get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".flash")).to_be_visible()
    assert_whole(page)


def test_removing_a_resource_a_question_and_a_draft(app, people, live_server, page):  # noqa: F811
    with app.app_context():
        member = db.session.get(factories.User, people["member"][0])
        urls = [
            f"/resources/{factories.resource(member).id}",
            f"/questions/{factories.question(member).id}",
            f"/decisions/{factories.decision(member, status='draft').id}",
        ]
    log_in(page, live_server.url, people["member"][1])
    for url, button in zip(urls, ("Remove", "Remove", "Delete draft"), strict=True):
        page.goto(live_server.url + url)
        page.locator("main").get_by_role("button", name=button, exact=True).first.click()
        expect(page).not_to_have_url(live_server.url + url)
        assert_whole(page)


def test_reporting_back_on_a_commitment(app, people, live_server, page):  # noqa: F811
    with app.app_context():
        member = db.session.get(factories.User, people["member"][0])
        other = db.session.get(factories.User, people["other"][0])
        earlier = factories.intervision(factories.meeting(days=-28), [member, other],
                                        status="finished")  # fmt: skip
        factories.commitment(earlier, member, action="Ik bel de wethouder.")
        session_id = factories.intervision(factories.meeting(days=0), [member, other]).id
    log_in(page, live_server.url, people["member"][1])
    page.goto(f"{live_server.url}/intervision/{session_id}")
    follow_up = page.locator("#follow-up")
    follow_up.get_by_label("In one line").fill("Gebeld, hij komt langs.")
    follow_up.locator("input[type=radio]").first.check()
    follow_up.get_by_role("button", name="Report back").click()
    expect(page.get_by_text("Thank you for reporting back.")).to_be_visible()
    assert_whole(page)
