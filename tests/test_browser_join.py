"""On phones: set up the network, invite, join through the link, be found."""

import re

from playwright.sync_api import expect

from leernet.auth import models as tokens
from leernet.extensions import db

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
    coordinator.get_by_label("Language").select_option("en")
    coordinator.get_by_role("button", name="Create the network").click()
    expect(coordinator).to_have_url(re.compile(r"/admin/invitations$"))
    assert no_horizontal_scroll(coordinator)

    coordinator.get_by_label("Name (optional)").fill("Daan Jansen")
    coordinator.get_by_role("button", name="Create invitation").click()
    expect(coordinator.locator("img.qr")).to_be_visible()
    link = coordinator.locator("#join-link").input_value()
    assert "/join/" in link

    member = phone()
    member.goto(link)
    expect(member.get_by_label("Your name")).to_have_value("Daan Jansen")
    member.get_by_label("E-mail address").fill("daan@example.org")
    member.get_by_label("Password", exact=True).fill(PASSWORD)
    member.get_by_label("Password again").fill(PASSWORD)
    member.get_by_label("Language").select_option("en")
    member.get_by_role("button", name="Join the network").click()
    expect(member.get_by_role("heading", name="My profile")).to_be_visible()
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
