"""On phones (360 px): a proposal, one member consents, one objects, the outcome is logged."""

import re

from playwright.sync_api import expect

from .browser import browser, live_server, log_in, no_horizontal_scroll, phone  # noqa: F401


def take_stance(page, stance, reason=""):
    page.get_by_label(stance, exact=True).check()
    if reason:
        page.get_by_label("Reason (needed for an objection)").fill(reason)
    page.get_by_role("button", name="Save my stance").click()


def test_consent_and_objection_reach_the_log(app, people, live_server, phone):  # noqa: F811
    proposer, member, other = (phone() for _ in range(3))
    log_in(proposer, live_server.url, people["coordinator"][1])
    expect(proposer.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    proposer.get_by_role("navigation", name="Main").last.get_by_role(
        "link", name="Decisions"
    ).click()
    proposer.get_by_role("link", name="Propose").click()
    proposer.get_by_label("Title").fill("Koffie voortaan fairtrade")
    proposer.get_by_label("The proposal").fill("We kopen **alleen** fairtrade koffie.")
    expect(proposer.get_by_label("Quorum: percentage of active members")).to_be_hidden()
    proposer.get_by_label("How do we decide?").select_option("majority")
    expect(proposer.get_by_label("Quorum: percentage of active members")).to_be_visible()
    proposer.get_by_label("How do we decide?").select_option("consent")
    assert no_horizontal_scroll(proposer)
    proposer.get_by_role("button", name="Open for decision").click()
    expect(proposer.get_by_role("heading", name="Koffie voortaan fairtrade")).to_be_visible()
    expect(proposer.locator(".md strong")).to_have_text("alleen")
    decision_url = proposer.url

    log_in(member, live_server.url, people["member"][1])
    expect(member.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    expect(member.locator("#card-decisions")).to_contain_text("Koffie voortaan fairtrade")
    member.locator("#card-decisions").get_by_role("link", name="Koffie voortaan fairtrade").click()
    take_stance(member, "Agree")
    expect(member.get_by_text("You said: Agree")).to_be_visible()
    assert no_horizontal_scroll(member)

    log_in(other, live_server.url, people["other"][1])
    expect(other.get_by_role("heading", name=re.compile("^Hello"))).to_be_visible()
    other.goto(decision_url)
    take_stance(other, "Objection")
    expect(other.get_by_text("An objection needs a reason")).to_be_visible()
    take_stance(other, "Objection", "De fairtrade koffie van de zaal is twee keer zo duur.")
    expect(other.get_by_text("You said: Objection")).to_be_visible()
    expect(other.locator("#tally")).to_contain_text("Bram Lid")
    expect(other.locator("#tally")).to_contain_text("twee keer zo duur")
    assert no_horizontal_scroll(other)

    proposer.reload()
    take_stance(proposer, "Agree")
    proposer.once("dialog", lambda dialog: dialog.accept())
    proposer.get_by_role("button", name="Close now").click()
    expect(proposer.locator("#outcome")).to_contain_text("Not adopted: an objection stands")

    member.goto(f"{live_server.url}/decisions/")
    entry = member.locator(".decision-item", has_text="Koffie voortaan fairtrade")
    expect(entry).to_contain_text("Not adopted: an objection stands")
    expect(entry).to_contain_text("Consent")
    member.get_by_label("Outcome").select_option("adopted")
    expect(member.locator("#results")).to_contain_text("No decisions found")
    assert no_horizontal_scroll(member)
    nav = member.locator("nav.bottomnav a")
    for index in range(nav.count()):
        box = nav.nth(index).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
