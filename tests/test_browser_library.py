"""On phones: upload a PDF and find it through search; ask, answer, mark as helpful."""

import re

from playwright.sync_api import expect

from . import factories
from .browser import browser, live_server, log_in, no_horizontal_scroll, phone  # noqa: F401


def test_upload_find_ask_answer_helpful(app, people, live_server, phone):  # noqa: F811
    member = phone()
    log_in(member, live_server.url, people["member"][1])
    member.goto(f"{live_server.url}/resources/new")
    member.get_by_role("radio", name="File").check()
    expect(member.get_by_label("Web address")).to_be_hidden()
    member.get_by_label("Title").fill("Jaarverslag van het netwerk")
    member.locator("input[type=file]").set_input_files(
        files=[{"name": "jaarverslag.pdf", "mimeType": "application/pdf", "buffer": factories.PDF}]
    )
    member.get_by_label("Tags").fill("verslag, netwerk")
    member.get_by_role("button", name="Add", exact=True).click()
    expect(member.get_by_role("heading", name="Jaarverslag van het netwerk")).to_be_visible()
    expect(member.get_by_role("link", name="Download jaarverslag.pdf")).to_be_visible()
    assert no_horizontal_scroll(member)

    member.get_by_role("link", name="Search").click()
    box = member.get_by_label("Search resources, questions, members and more")
    box.fill("jaarversl")
    box.press("Enter")
    result = member.locator("#results").get_by_role("link", name="Jaarverslag van het netwerk")
    expect(result).to_be_visible()
    assert no_horizontal_scroll(member)
    result.click()
    expect(member).to_have_url(re.compile(r"/resources/\d+$"))

    asker = phone()
    log_in(asker, live_server.url, people["other"][1])
    asker.goto(f"{live_server.url}/questions/ask")
    asker.get_by_label("Your question").fill("Wie heeft al eens subsidie aangevraagd?")
    asker.get_by_role("button", name="Ask", exact=True).click()
    expect(asker.get_by_role("heading", name="Who may know")).to_be_visible()
    expect(asker.get_by_role("link", name="Bram Lid")).to_be_visible()
    question_url = asker.url

    member.goto(question_url)
    member.get_by_label("Your answer").fill("Ik, bij het Fonds Podiumkunsten. Bel me gerust.")
    member.get_by_role("button", name="Send answer").click()
    expect(member.get_by_text("Thank you for your answer.")).to_be_visible()

    asker.reload()
    asker.get_by_role("button", name="Mark as helpful").click()
    expect(asker.get_by_text("Helpful answer")).to_be_visible()
    expect(asker.get_by_role("button", name="Not helpful after all")).to_be_visible()
    assert no_horizontal_scroll(asker)
    box = asker.get_by_role("button", name="Not helpful after all").bounding_box()
    assert box["height"] >= 44
