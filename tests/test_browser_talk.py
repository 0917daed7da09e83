"""On phones: post a vacancy, reply to it, mark it filled; discuss a proposal before the
vote, after an amendment ("said about version 2")."""

import re
from datetime import datetime, timedelta

from playwright.sync_api import expect

from leernet.extensions import db
from leernet.members.models import User

from . import factories
from .browser import browser, live_server, no_horizontal_scroll, phone, shot  # noqa: F401
from .test_browser_library import log_in


def test_post_reply_and_mark_a_vacancy_filled(app, people, live_server, phone):  # noqa: F811
    poster = phone()
    log_in(poster, live_server.url, people["member"][1])
    poster.get_by_role("link", name="Library").first.click()
    poster.get_by_role("link", name="Notice board").click()
    poster.get_by_role("link", name="Post a notice").click()
    poster.get_by_label("What kind of notice").select_option("vacancy")
    poster.get_by_label("Title").fill("Producent gezocht voor een tournee")
    poster.get_by_label("Text").fill("Drie maanden, **twee dagen** per week.")
    poster.get_by_label("Link (optional)").fill("javascript:alert(1)")
    poster.get_by_role("button", name="Post", exact=True).click()
    expect(poster.get_by_text("Use a web link that starts with https://")).to_be_visible()
    expect(poster.get_by_label("Title")).to_have_value("Producent gezocht voor een tournee")
    poster.get_by_label("Link (optional)").fill("https://example.org/vacature")
    later = datetime.now(factories.AMS).date() + timedelta(days=20)
    poster.get_by_label("On the board until").fill(later.isoformat())
    poster.get_by_label("Subjects").fill("productie")
    shot(poster, "board-form-360")
    assert no_horizontal_scroll(poster)
    poster.get_by_role("button", name="Post", exact=True).click()
    expect(poster.get_by_role("heading", name="Producent gezocht voor een tournee")).to_be_visible()
    expect(poster.locator("strong", has_text="twee dagen")).to_be_visible()
    poster.get_by_text("Share in the group chat").click()
    expect(poster.locator("#share-text")).to_have_value(
        re.compile(r"Vacancy: Producent.*\n.*/board/\d+")
    )
    assert no_horizontal_scroll(poster)
    item_url = poster.url

    other = phone()
    log_in(other, live_server.url, people["other"][1])
    other.goto(item_url)
    other.get_by_label("Your reply").fill("Ik ken iemand, ik stuur je haar nummer.")
    other.get_by_role("button", name="Send reply").click()
    expect(other.get_by_text("Your reply is under the notice.")).to_be_visible()
    expect(other.get_by_text("Ik ken iemand, ik stuur je haar nummer.")).to_be_visible()
    shot(other, "board-item-360")
    assert no_horizontal_scroll(other)

    poster.reload()
    expect(poster.get_by_text("Ik ken iemand, ik stuur je haar nummer.")).to_be_visible()
    poster.get_by_role("button", name="Mark as filled").click()
    expect(poster.locator(".badge.state-filled")).to_have_text("filled")
    expect(poster.get_by_text("This notice is no longer open for replies.")).to_be_visible()
    poster.goto(f"{live_server.url}/board/?show=archive")
    expect(poster.get_by_role("link", name="Producent gezocht voor een tournee")).to_be_visible()
    shot(poster, "board-archive-360")
    assert no_horizontal_scroll(poster)


def test_discuss_a_proposal_before_the_vote(app, people, live_server, phone):  # noqa: F811
    with app.app_context():
        decision = factories.decision(db.session.get(User, people["member"][0]), "Een buddy")
        factories.comment(decision, db.session.get(User, people["other"][0]), "Wie koppelt?")
        decision_id = decision.id
    url = f"{live_server.url}/decisions/{decision_id}"
    member = phone()
    log_in(member, live_server.url, people["member"][1])
    member.goto(url + "/amend")
    member.get_by_label("The amended proposal").fill("De coördinator of haar vervanger koppelt.")
    member.get_by_label("What changed, and why").fill("Een vervanger erbij.")
    member.get_by_role("button", name="Publish the new version").click()
    member.goto(url)
    thread = member.locator("#discussion")
    expect(thread.get_by_text("said about version 1")).to_be_visible()
    thread.get_by_label("Your comment").fill("De vervanger staat er nu in.")
    thread.get_by_role("button", name="Add comment").click()
    expect(member.locator("#discussion").get_by_text("said about version 2")).to_be_visible()
    expect(member.get_by_text("De vervanger staat er nu in.")).to_be_visible()
    shot(member, "discussion-360")
    assert no_horizontal_scroll(member)
