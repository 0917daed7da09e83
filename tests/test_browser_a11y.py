"""Every main page on a phone (360 px): axe-core finds nothing serious (colour contrast
checked in dark mode too), nothing scrolls sideways, every control is 44 px or more.

axe-core comes vendored in ``axe-playwright-python``. A link inside running text is
exempt from the size rule (WCAG's inline exception); a link standing on its own is not.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from . import factories, world
from .browser import browser, live_server, no_horizontal_scroll, phone  # noqa: F401
from .main_pages import MAIN_PAGES

SERIOUS = {"serious", "critical"}
TAP = 44

SMALL_TARGETS = """(tap) => {
  const small = [];
  const controls = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  for (const el of document.querySelectorAll(controls)) {
    const style = getComputedStyle(el);
    let box = el.getBoundingClientRect();
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (box.right <= 0 || box.bottom <= 0) continue;  // parked off-screen, like the skip link
    const text = el.parentElement.textContent.trim();
    if (el.tagName === 'A' && style.display === 'inline' && text !== el.textContent.trim()) {
      continue;  // a link in a sentence
    }
    if ((el.type === 'checkbox' || el.type === 'radio') && el.labels.length) {
      const label = el.labels[0].getBoundingClientRect();
      box = {width: Math.max(box.right, label.right) - Math.min(box.left, label.left),
             height: Math.max(box.bottom, label.bottom) - Math.min(box.top, label.top)};
    }
    if (box.width < tap - 0.5 || box.height < tap - 0.5) {
      const name = (el.textContent || el.name || el.type || '').trim().slice(0, 30);
      small.push(`${el.tagName.toLowerCase()}.${el.className} "${name}" ` +
                 `${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return small;
}"""


@pytest.fixture
def visitors(app, live_server, phone):  # noqa: F811
    """A phone per role, logged in, and the URL values of the test world."""
    with app.app_context():
        people, values = world.build()
    pages = {}
    for role in ("anonymous", "member", "coordinator"):
        pages[role] = page = phone()
        if role != "anonymous":
            page.goto(f"{live_server.url}/login")
            page.get_by_label("E-mail address").fill(people[role])
            page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
            page.get_by_role("button", name="Log in").click()
            page.wait_for_url(f"{live_server.url}/")
    return pages, values


@pytest.mark.parametrize("main", MAIN_PAGES, ids=[page.name for page in MAIN_PAGES])
def test_main_page_on_a_phone(live_server, visitors, main):  # noqa: F811
    pages, values = visitors
    page = pages[main.role]
    response = page.goto(live_server.url + main.url(values))
    assert response.status == 200
    assert no_horizontal_scroll(page), f"{main.name} scrolls sideways at 360 px"
    assert page.evaluate(SMALL_TARGETS, TAP) == [], f"{main.name}: targets under {TAP} px"
    assert serious_findings(page) == [], main.name
    page.emulate_media(color_scheme="dark")
    contrast = serious_findings(page, {"runOnly": ["color-contrast"]})
    page.emulate_media(color_scheme="light")
    assert contrast == [], f"{main.name} in dark mode"


def serious_findings(page, options=None):
    results = Axe().run(page, options={"resultTypes": ["violations"], **(options or {})})
    return [
        f"{v['impact']} {v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in SERIOUS
    ]
