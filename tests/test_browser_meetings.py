"""On phones: answer the next meeting in one tap from home, and answer a date poll."""

from playwright.sync_api import expect

from leernet.extensions import db

from . import factories
from .browser import audit, browser, live_server, log_in, no_horizontal_scroll, phone  # noqa: F401


def mark(page):
    """A flag that only survives as long as the page is not reloaded."""
    page.evaluate("window.__noReload = true")


def still_the_same_page(page):
    return page.evaluate("window.__noReload === true")


def test_rsvp_from_home_in_one_tap_and_answer_a_poll(app, live_server, phone):  # noqa: F811
    with app.app_context():
        coordinator = factories.user("Anouk Dekker", coordinator=True)
        member = factories.user("Daan Jansen")
        other = factories.user("Fatima El Amrani")
        factories.meeting("Netwerkdag", days=2, capacity=1, place="Het Huis, Utrecht")
        poll = factories.poll(coordinator, "Zomerbijeenkomst")
        poll_id, first_option = poll.id, poll.options[0].id
        emails = member.email, other.email
        db.session.commit()

    daan = phone()
    log_in(daan, live_server.url, emails[0])
    card = daan.locator("#card-meeting")
    expect(card).to_contain_text("Netwerkdag")
    expect(card).to_contain_text("0 coming")
    assert no_horizontal_scroll(daan)
    mark(daan)
    yes = card.get_by_role("button", name="Yes")
    box = yes.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    yes.click()
    expect(card.locator(".rsvp-counts")).to_contain_text("1 coming")
    expect(card.get_by_role("button", name="Yes")).to_have_attribute("aria-pressed", "true")
    expect(card).to_contain_text("You are coming.")
    assert still_the_same_page(daan), "the count changed without a reload"

    fatima = phone()
    log_in(fatima, live_server.url, emails[1])
    card = fatima.locator("#card-meeting")
    expect(card).to_contain_text("1 coming")
    card.get_by_role("button", name="Yes").click()
    expect(card).to_contain_text("number 1 on the waiting list")

    fatima.goto(f"{live_server.url}/polls/{poll_id}")
    mark(fatima)
    option = fatima.locator(f"#option-{first_option}")
    option.get_by_role("button", name="Yes").click()
    expect(fatima.locator("#poll-options")).to_contain_text("1 member answered")
    expect(fatima.locator(f"#option-{first_option}")).to_contain_text("Best date")
    expect(
        fatima.locator(f"#option-{first_option}").get_by_role("button", name="Yes")
    ).to_have_attribute("aria-pressed", "true")
    assert still_the_same_page(fatima)
    assert no_horizontal_scroll(fatima)

    # Daan drops out: Fatima moves up from the waiting list.
    daan.get_by_role("button", name="No").click()
    expect(daan.locator("#card-meeting")).to_contain_text("You are not coming.")
    fatima.goto(live_server.url + "/")
    expect(fatima.locator("#card-meeting")).to_contain_text("You are coming.")


def test_meeting_pages_pass_an_accessibility_audit(app, live_server, phone):  # noqa: F811
    with app.app_context():
        coordinator = factories.user("Anouk Dekker", coordinator=True)
        meeting = factories.meeting("Netwerkdag", days=2, agenda="**Welkom**", guests="Noor")
        factories.rsvp(meeting, coordinator, "yes", "Iets later")
        poll = factories.poll(coordinator, "Zomerbijeenkomst")
        paths = [
            "/",
            "/meetings/",
            f"/meetings/{meeting.id}",
            f"/meetings/{meeting.id}/edit",
            f"/meetings/{meeting.id}/attendance",
            "/meetings/new",
            "/polls/",
            f"/polls/{poll.id}",
            "/polls/new",
            "/calendar/",
        ]
        email = coordinator.email
    page = phone()
    log_in(page, live_server.url, email)
    assert audit(page, live_server.url, paths) == []
