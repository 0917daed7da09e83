"""Playwright driving Debian's Chromium against a real server, at phone size.

Never a downloaded browser: without /usr/bin/chromium the browser tests skip with a
reason, unless LEERNET_REQUIRE_BROWSER=1 makes that a failure (as in CI).
"""

import functools
import os
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from . import factories

CHROMIUM = os.environ.get("LEERNET_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PHONE = {
    "viewport": {"width": 360, "height": 740},
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
}


def require_chromium():
    if Path(CHROMIUM).exists():
        return
    message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("LEERNET_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


class LiveServer:
    """The app served by werkzeug in a thread, on a free port."""

    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.thread.join(5)


@pytest.fixture
def live_server(app):
    app.config["BASE_URL"] = ""
    with LiveServer(app) as server:
        yield server


#: Each test module imports these fixtures, so each gets its own session fixture; they
#: share one Playwright and one Chromium (the sync API allows one Playwright per thread).
_SHARED = {"users": 0}


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    if not _SHARED["users"]:
        _SHARED["playwright"] = sync_playwright().start()
        _SHARED["browser"] = _SHARED["playwright"].chromium.launch(
            executable_path=CHROMIUM, args=ARGS
        )
    _SHARED["users"] += 1
    yield _SHARED["browser"]
    _SHARED["users"] -= 1
    if not _SHARED["users"]:
        _SHARED["browser"].close()
        _SHARED["playwright"].stop()


@pytest.fixture
def phone(browser):
    """A factory of phone-sized browser contexts (one per person)."""
    contexts = []

    def open_phone():
        context = browser.new_context(**PHONE)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


#: A folder to keep the browser tests' screenshots in, for looking at pages by eye; unset,
#: none are taken.
SHOTS = os.environ.get("LEERNET_SCREENSHOTS")


def shot(page, name, full_page=True):
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=full_page)


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def log_in(page, url, email):
    """Log in through the form at ``url`` (the server's address), landing on the home page."""
    page.goto(f"{url}/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password", exact=True).fill(factories.PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{url}/")
    # htmx is deferred: a tap before the page's load event is a plain form post (which
    # works, but as a whole page), so a test taps once htmx has taken the page over.
    page.wait_for_load_state("load")


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_problems(page, name):
    """axe-core's serious and critical findings on the page, each labelled with ``name``."""
    return [
        f"{name}: {v['id']} {v['help']}"
        for v in _axe().run(page).response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def audit(page, url, paths):
    """Open each path: axe-core's serious findings on them all; none may scroll sideways."""
    problems = []
    for path in paths:
        page.goto(url + path)
        problems += axe_problems(page, path)
        assert no_horizontal_scroll(page), path
    return problems
