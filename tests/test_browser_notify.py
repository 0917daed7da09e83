"""In Chromium: the service worker registers, shows the offline page, and shows a push.

Chromium cannot subscribe at a push service here (no internet), so the test's own push
endpoint (tests/push_endpoint.py) stands in for one: the app encrypts and signs for it,
the endpoint decrypts, and the decrypted payload is handed to Chromium's service worker
as the push service would (DevTools ``ServiceWorker.deliverPushMessage``).
"""

import json

from playwright.sync_api import expect

from leernet.extensions import db
from leernet.inbox import push
from leernet.members.models import User

from . import factories
from .browser import LiveServer, browser, log_in, phone  # noqa: F401
from .push_endpoint import PushService
from .test_decisions import proposal


def test_service_worker_offline_page_and_a_push(app, people, phone):  # noqa: F811
    service = PushService()
    app.config.update(PUSH_ORIGINS=service.origin, VAPID_SUBJECT="https://leernet.example.org")
    server = LiveServer(app).__enter__()
    try:
        page = phone()
        page.context.grant_permissions(["notifications"], origin=server.url)
        log_in(page, server.url, people["other"][1])
        expect(page.locator(".topinbox")).to_be_visible()
        scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.active && r.scope)")
        assert scope == f"{server.url}/"
        with app.test_request_context():
            other = db.session.get(User, people["other"][0])
            push.subscribe(other, service.device("phone").subscription())
            db.session.commit()

        proposer = app.test_client()
        proposer.post("/login", data={"email": people["member"][1], "password": factories.PASSWORD})
        made = proposer.post("/decisions/new", data=proposal())
        assert made.status_code == 303, made.text[:300]
        made.close()
        assert service.errors == []
        [(_name, payload, _key)] = service.received

        cdp = page.context.new_cdp_session(page)
        registration = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
        workers = []
        cdp.on("ServiceWorker.workerRegistrationUpdated",
               lambda event: workers.extend(event["registrations"]))  # fmt: skip
        cdp.send("ServiceWorker.enable")
        for _ in range(100):  # the registration is reported soon, later on a busy machine
            if any(w["scopeURL"] == registration for w in workers):
                break
            page.wait_for_timeout(100)
        registration_id = next(
            w["registrationId"] for w in workers if w["scopeURL"] == registration
        )
        cdp.send("ServiceWorker.deliverPushMessage", {
            "origin": server.url, "registrationId": registration_id, "data": json.dumps(payload),
        })  # fmt: skip
        page.wait_for_function(
            "navigator.serviceWorker.ready.then((r) => r.getNotifications())"
            ".then((list) => list.length > 0)"
        )
        shown = page.evaluate(
            "navigator.serviceWorker.ready.then((r) => r.getNotifications())"
            ".then((list) => list.map((n) => [n.title, n.data.url]))"
        )
        assert shown == [["A proposal needs you", payload["url"]]]
        page.goto(f"{server.url}/inbox")
        expect(page.get_by_text("New proposal: Koffie voortaan fairtrade")).to_be_visible()
        expect(page.locator(".topinbox .count")).to_have_text("1 unread")
    finally:
        server.__exit__()
        server.server.server_close()  # the port refuses connections: the phone is offline
        service.close()
    page.goto(f"{server.url}/members/")
    expect(page.get_by_role("heading", name="No connection")).to_be_visible()
