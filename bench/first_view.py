"""A participant's first view of the live session on a phone with a weak connection.

Chromium (Debian's, as the browser tests drive it) on DevTools' slow-3G profile: 400 ms
latency, 400 kbit/s each way, and an empty cache (a fresh context per run). A run counts
from the start of navigation until both have happened: the first paint (the stylesheet
has arrived, so the phase name shows) and the page's script writing the countdown for the
first time (it runs). The bytes are those on the wire (headers included) of every
request made until the page's load event.
"""

import statistics
from pathlib import Path

from tests.browser import ARGS, CHROMIUM, PHONE

SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * 1024 / 8,
    "uploadThroughput": 400 * 1024 / 8,
}
RUNS = 5

#: Runs in the page before its own scripts: notes when the countdown is first written to.
#: Parsing is over at "interactive" and deferred scripts have not yet run.
WATCH_COUNTDOWN = """
document.addEventListener("readystatechange", () => {
  const clock = document.readyState === "interactive" && document.querySelector("[data-countdown]");
  if (!clock) return;
  new MutationObserver((_changes, observer) => {
    window.countdownWritten = performance.now();
    observer.disconnect();
  }).observe(clock, {childList: true, characterData: true, subtree: true});
});
"""
SHOWN_AND_RUNNING = """
() => {
  const paint = performance.getEntriesByName("first-contentful-paint")[0];
  return paint && window.countdownWritten !== undefined
    ? Math.max(paint.startTime, window.countdownWritten) : null;
}
"""


def one_view(browser, url, cookies):
    context = browser.new_context(**PHONE)
    try:
        context.add_cookies([{"name": k, "value": v, "url": url} for k, v in cookies.items()])
        context.add_init_script(WATCH_COUNTDOWN)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        received = []
        cdp.on("Network.loadingFinished", lambda event: received.append(event["encodedDataLength"]))
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        page.goto(url, wait_until="commit")
        page.wait_for_function(SHOWN_AND_RUNNING, timeout=30_000, polling=50)
        milliseconds = page.evaluate(SHOWN_AND_RUNNING)
        if not page.locator(".phase-name").is_visible():
            raise RuntimeError(f"{url}: the phase name is not shown")
        page.wait_for_load_state("load")
        return milliseconds / 1000, sum(received) / 1024
    finally:
        context.close()


def measure(url, cookies):
    """Median seconds to a shown, running countdown and median KB moved, over ``RUNS``;
    None when there is no Chromium to drive."""
    if not Path(CHROMIUM).exists():
        return None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            one_view(browser, url, cookies)  # warm-up: the server's first render of the page
            views = [one_view(browser, url, cookies) for _ in range(RUNS)]
        finally:
            browser.close()
    seconds, kilobytes = zip(*views, strict=True)
    print("# live first view on slow 3G, per run: " + ", ".join(
        f"{s:.2f} s {kb:.1f} KB" for s, kb in views))  # fmt: skip
    return statistics.median(seconds), statistics.median(kilobytes)
