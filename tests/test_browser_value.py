"""On phones (360 px): check out after a meeting in at most four taps; the value pages
read well at phone width and pass an accessibility audit."""

import re

from playwright.sync_api import expect
from sqlalchemy import select

from leernet.extensions import db
from leernet.value.models import CheckOut

from . import factories
from .browser import audit, browser, live_server, log_in, no_horizontal_scroll, phone  # noqa: F401


class Taps:
    """Every tap goes through here, so the test can count them."""

    def __init__(self):
        self.count = 0

    def tap(self, locator):
        box = locator.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, "a thumb-sized target"
        self.count += 1
        locator.tap()


def test_a_member_checks_out_in_at_most_four_taps(app, live_server, phone):  # noqa: F811
    with app.app_context():
        member = factories.user("Daan Jansen")
        meeting = factories.meeting("Netwerkdag", days=-1, hours=3)
        factories.attend(meeting, member)
        email, meeting_id, member_id = member.email, meeting.id, member.id

    page = phone()
    log_in(page, live_server.url, email)
    expect(page.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    card = page.locator("#card-checkout")
    expect(card).to_contain_text("How was Netwerkdag?")
    assert no_horizontal_scroll(page)

    taps = Taps()
    taps.tap(card.get_by_role("link", name="4: Very useful"))
    expect(page).to_have_url(re.compile(r"/value/checkout/\d+\?usefulness=4$"))
    expect(page.get_by_role("radio", name="4: Very useful")).to_be_checked()
    assert no_horizontal_scroll(page)
    taps.tap(page.locator("label.cycle-chip", has_text="Immediate value"))
    taps.tap(page.locator("label.cycle-chip", has_text="Potential value"))
    taps.tap(page.get_by_role("button", name="Save my check-out"))
    expect(page.locator(".flash-success")).to_contain_text("You can change your check-out")
    expect(page.locator("#card-checkout")).to_have_count(0)
    assert taps.count <= 4

    with app.app_context():
        row = db.session.scalar(
            select(CheckOut).where(CheckOut.meeting_id == meeting_id, CheckOut.user_id == member_id)
        )
        assert (row.usefulness, row.immediate, row.potential, row.applied) == (4, True, True, False)


def test_value_pages_pass_an_accessibility_audit(app, live_server, phone):  # noqa: F811
    with app.app_context():
        coordinator = factories.user("Anouk Dekker", coordinator=True)
        member = factories.user("Sanne de Vries")
        for days, score in ((-40, 3), (-10, 4), (-1, 5)):
            meeting = factories.meeting("Netwerkdag", days=days, hours=2)
            for person in (coordinator, member):
                factories.attend(meeting, person)
                factories.checkout(meeting, person, score, ("immediate", "applied"))
        story = factories.story(member, "De subsidietip werkte", in_report=True,
                                link=("meeting", meeting.id))  # fmt: skip
        session = factories.intervision(  # the intervision charts, tables and story link too
            meeting, [coordinator, member, factories.user("Daan Jansen")], status="finished",
            roles={"facilitator": coordinator, "case_bringer": member},
        )  # fmt: skip
        factories.story(coordinator, "Intervisie hielp", link=("session", session.id))
        paths = [
            "/value/",
            "/value/stories/",
            f"/value/stories/{story.id}",
            "/value/stories/new",
            f"/value/checkout/{meeting.id}",
            "/value/report",
        ]
        email = coordinator.email
    page = phone()
    log_in(page, live_server.url, email)
    expect(page.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    assert audit(page, live_server.url, paths) == []
    page.goto(live_server.url + "/value/")
    chart = page.locator("#chart-attendance svg")
    assert chart.bounding_box()["width"] <= 360
    page.emulate_media(color_scheme="dark")
    fill = page.evaluate("getComputedStyle(document.querySelector('#chart-cycles rect.s1')).fill")
    assert fill == "rgb(108, 195, 201)"  # the dark palette's first colour
