"""Layout (issue 14, part 4): whole navigation labels, checkbox lists, the meeting form."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from leernet.extensions import db
from leernet.intervision.models import IntervisionGroup
from leernet.members.models import User

from . import factories
from .browser import PHONE, browser, live_server, log_in  # noqa: F401

ONE_LINE = """els => els.map(el => {
  const box = el.getBoundingClientRect(), size = parseFloat(getComputedStyle(el).fontSize);
  return box.height < 2 * size && el.scrollWidth <= el.clientWidth + 1
    && box.right <= window.innerWidth + 1;
})"""


#: Words broken across lines: a new line that starts where no space or hyphen came before.
BROKEN_WORDS = """els => els.flatMap(el => {
  const node = el.firstChild, text = node ? node.textContent : "", range = document.createRange();
  const broken = [];
  let top = null;
  for (let i = 0; i < text.length; i++) {
    range.setStart(node, i); range.setEnd(node, i + 1);
    const rect = range.getBoundingClientRect();
    if (top !== null && rect.top > top + 2 && !/[\\s-]/.test(text[i - 1] + text[i])) {
      broken.push(text);
    }
    top = rect.top;
  }
  return broken;
})"""


def open_as(browser, server, email, **context):  # noqa: F811
    page = browser.new_context(**context).new_page()
    log_in(page, server.url, email)
    return page


@pytest.mark.parametrize("locale", ["nl", "en"])
@pytest.mark.parametrize("width", [1024, 1280, 1920])
def test_top_navigation_labels_stay_whole(app, people, live_server, browser, locale, width):  # noqa: F811
    with app.app_context():
        db.session.get(User, people["coordinator"][0]).locale = locale
        db.session.commit()
    page = open_as(browser, live_server, people["coordinator"][1],
                   viewport={"width": width, "height": 800})  # fmt: skip
    labels = page.locator("nav.topnav a span")
    expect(labels).to_have_count(7)
    assert all(labels.evaluate_all(ONE_LINE))
    page.context.close()


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_bottom_navigation_labels_never_wrap_at_360(app, people, live_server, browser, locale):  # noqa: F811
    with app.app_context():
        db.session.get(User, people["coordinator"][0]).locale = locale
        db.session.commit()
    page = open_as(browser, live_server, people["coordinator"][1], **PHONE)
    labels = page.locator("nav.bottomnav a span")
    expect(labels).to_have_count(6)
    assert all(labels.evaluate_all(ONE_LINE))
    page.context.close()


def test_checkbox_lists_are_boxes_beside_their_labels(app, people, live_server, browser):  # noqa: F811
    with app.app_context():
        coordinator = db.session.get(User, people["coordinator"][0])
        meeting_id = factories.meeting(days=0, host=coordinator).id
        db.session.add(IntervisionGroup(name="Groep West", members=[coordinator]))
        db.session.commit()
    page = open_as(browser, live_server, people["coordinator"][1], **PHONE)
    page.goto(f"{live_server.url}/intervision/meeting/{meeting_id}/new")
    option = page.locator(".checkbox-list label").first
    box = option.locator("input[type=checkbox]").bounding_box()
    text = option.locator("span").bounding_box()
    assert text["x"] >= box["x"] + box["width"]  # beside, not below
    assert abs((text["y"] + text["height"] / 2) - (box["y"] + box["height"] / 2)) < 12
    page.context.close()


def test_meeting_form_shows_repeat_fields_only_when_repeating(people, live_server, browser):  # noqa: F811
    page = open_as(browser, live_server, people["coordinator"][1], **PHONE)
    page.goto(f"{live_server.url}/meetings/new")
    first = page.get_by_label("Date", exact=True).input_value()
    assert first  # a date is proposed
    expect(page.get_by_label("Repeat until")).to_be_hidden()
    page.get_by_label("Repeat", exact=True).select_option("weeks")
    expect(page.get_by_label("Repeat until")).to_be_visible()
    until = page.get_by_label("Repeat until").input_value()
    assert until[:4] == str(int(first[:4]) + 1) and until[4:] == first[4:]
    page.get_by_label("Repeat", exact=True).select_option("")
    expect(page.get_by_label("Every how many weeks or months")).to_be_hidden()
    page.context.close()


def test_chart_names_are_never_cut_at_their_start(app, browser):  # noqa: F811
    from leernet.value.charts import Chart, Series, render

    names = ["Anouk Coördinator-Van den Bergh", "WWWWWWWWWWWWWWWWWW", "Mo", "Maximiliaan Wolters"]
    chart = Chart(key="roles", kind="hbar", title="Rollen", desc="Rollen per lid", labels=names,
                  series=[Series("Voorzitter", [3, 2, 1, 4])])  # fmt: skip
    css = Path(app.static_folder, "css", "app.css").read_text()
    page = browser.new_context(**PHONE).new_page()
    page.set_content(f"<style>{css}</style><main>{render(chart)}</main>")
    svg = page.locator("svg").bounding_box()
    for text in page.locator("svg text[text-anchor=end]").all():
        assert text.bounding_box()["x"] >= svg["x"] - 0.5, text.text_content()
    page.context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_journey_tiles_keep_their_words_whole(app, people, live_server, browser, width):  # noqa: F811
    with app.app_context():
        db.session.get(User, people["member"][0]).locale = "nl"
        db.session.commit()
    size = PHONE if width == 360 else {"viewport": {"width": width, "height": 800}}
    page = open_as(browser, live_server, people["member"][1], **size)
    page.goto(f"{live_server.url}/value/")
    tiles = page.locator(".journey dt")
    expect(tiles.first).to_be_visible()
    assert tiles.evaluate_all(BROKEN_WORDS) == []
    page.context.close()
