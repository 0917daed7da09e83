"""The live countdown does not wait for htmx: with htmx held back (its request never
answered), a participant's phone still shows the phase and a ticking countdown."""

import re

from playwright.sync_api import expect

from . import factories
from . import intervision_world as iw
from .browser import browser, live_server, phone  # noqa: F401


def test_the_countdown_runs_while_htmx_never_arrives(app, live_server, phone):  # noqa: F811
    with app.app_context():
        world = iw.build()
    facilitator = app.test_client()
    iw.login(facilitator, world, "timekeeper")
    assert iw.control(facilitator, world, "start").status_code in (200, 303)

    page = phone()
    held = []
    page.route(re.compile(r"/htmx[^/]*\.js"), lambda route: held.append(route))
    # No page ever finishes loading now (a deferred script is pending): wait for less.
    page.goto(f"{live_server.url}/login", wait_until="commit")
    page.get_by_label("E-mail address").fill(world["emails"]["plain"])
    page.get_by_label("Password").fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/$"))
    page.goto(f"{live_server.url}{iw.url(world)}", wait_until="commit")

    expect(page.get_by_text("Choosing the incident").first).to_be_visible()
    clock = page.locator("[data-countdown]")
    expect(clock).to_be_visible()
    shown = clock.inner_text()
    expect(clock).not_to_have_text(shown, timeout=3_000)  # it ticks
    assert held, "htmx was asked for and held back"
    assert page.evaluate("typeof window.htmx") == "undefined"
