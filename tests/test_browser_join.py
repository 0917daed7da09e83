"""On phones: set up the network, invite, join through the link, be found."""

from playwright.sync_api import expect

from leernet.auth import models as tokens
from leernet.extensions import db

from . import factories
from .browser import browser, live_server, no_horizontal_scroll, phone  # noqa: F401

PASSWORD = "paarden eten hooi"


def test_setup_invite_join_profile_directory(app, live_server, phone):  # noqa: F811
    with app.app_context():
        token = tokens.issue(tokens.SETUP)
        db.session.commit()

    coordinator = phone()
    coordinator.goto(f"{live_server.url}/setup?token={token}")
    coordinator.get_by_label("Name of the network").fill("HR-managers van orkesten")
    coordinator.get_by_label("Your name").fill("Anouk Dekker")
    coordinator.get_by_label("E-mail address").fill("anouk@example.org")
    coordinator.get_by_label("Password", exact=True).fill(PASSWORD)
    coordinator.get_by_label("Password again").fill(PASSWORD)
    expect(coordinator.get_by_label("Language")).to_have_value("en")  # the browser's
    coordinator.get_by_role("button", name="Create the network").click()
    expect(coordinator).to_have_url(f"{live_server.url}/")
    expect(coordinator.get_by_role("heading", name="Getting started")).to_be_visible()
    assert no_horizontal_scroll(coordinator)
    with app.app_context():
        factories.meeting("Netwerkdag", days=5, place="Stadsschouwburg")

    coordinator.get_by_role("link", name="Invite people one by one").click()
    coordinator.get_by_label("Name (optional)").fill("Daan Jansen")
    coordinator.get_by_label("E-mail address (optional)").fill("daan@example.org")
    coordinator.get_by_role("button", name="Create invitation").click()
    expect(coordinator.locator("img.qr")).to_be_visible()
    link = coordinator.locator("#join-link").input_value()
    assert "/join/" in link

    # The newcomer at 360 px, counting every tap on a link or button and every field typed
    # into, from the link to "you are coming" (issue 14: at most 5).
    member, steps = phone(), 0
    member.goto(link)
    steps += 1
    expect(
        member.get_by_text("Anouk Dekker invites you to join HR-managers van orkesten.")
    ).to_be_visible()
    expect(member.locator("#join-next-meeting")).to_contain_text("Netwerkdag")
    expect(member.get_by_text("Stadsschouwburg")).to_have_count(0)
    expect(member.get_by_label("Your name")).to_have_value("Daan Jansen")
    expect(member.get_by_label("E-mail address")).to_have_value("daan@example.org")
    member.get_by_label("Password", exact=True).fill(PASSWORD)
    steps += 1
    member.get_by_role("button", name="Join the network").click()
    steps += 1
    expect(member).to_have_url(f"{live_server.url}/")
    member.locator("#card-meeting").get_by_role("button", name="Yes").click()
    steps += 1
    expect(member.locator("#card-meeting")).to_contain_text("You are coming.")
    assert steps <= 5
    assert no_horizontal_scroll(member)

    member.goto(link)  # the used link, now logged in: home, not an error
    expect(member).to_have_url(f"{live_server.url}/")
    member.locator("nav.bottomnav").get_by_role("link", name="Me", exact=True).click()
    member.get_by_label("What you can be asked about").fill("subsidies, fair practice")
    member.get_by_label("About you").fill("Zakelijk leider bij een dansgezelschap.")
    member.get_by_role("button", name="Save", exact=True).click()
    expect(member.get_by_role("heading", name="Daan Jansen")).to_be_visible()
    assert no_horizontal_scroll(member)

    coordinator.goto(f"{live_server.url}/members/")
    coordinator.get_by_label("Search by name or expertise").fill("subsid")
    expect(coordinator.locator("#results")).to_contain_text("Daan Jansen")
    coordinator.get_by_role("link", name="fair practice").first.click()
    expect(coordinator.locator("#results")).to_contain_text("Daan Jansen")

    nav = member.locator("nav.bottomnav a").first
    box = nav.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
