"""Web Push through the real protocol to an endpoint on 127.0.0.1 (tests/push_endpoint.py)."""

import socket
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from leernet.extensions import db
from leernet.inbox import endpoints, preferences, push
from leernet.inbox.kinds import INBOX, NOW, TOPICS
from leernet.inbox.models import PushRetry, PushSubscription
from leernet.mail import deliver
from leernet.members.models import User
from leernet.timeutil import utcnow

from .conftest import login_as
from .push_endpoint import Device, PushService
from .test_decisions import proposal

SECRET = "Casus-van-Jolanda-4471"


@pytest.fixture
def service(app):
    running = PushService()
    app.config["PUSH_ORIGINS"] = running.origin
    app.config["BASE_URL"] = "https://leernet.example.org"  # the VAPID contact
    yield running
    running.close()


def turn_on(client, device):
    return client.post(
        "/inbox/devices",
        json=device.subscription(),
        headers={"X-CSRFToken": client.csrf_token()},
        csrf=False,
    )


def devices():
    return db.session.scalar(select(func.count(PushSubscription.id)))


def test_a_proposal_arrives_as_a_push_and_in_the_inbox(app, client, people, service):
    login_as(client, people, "other")
    assert turn_on(client, service.device("phone")).status_code == 201
    laptop = app.test_client()  # logging out on the phone would turn its push off
    login_as(laptop, people, "member")
    response = laptop.post("/decisions/new", data=proposal())
    assert response.status_code == 303 and service.received == []
    response.close()  # push leaves after the response
    assert service.errors == []
    [(name, payload, key)] = service.received
    assert name == "phone" and key == app.config["VAPID_PUBLIC_KEY"]
    assert payload["title"] == "A proposal needs you"
    assert payload["url"].startswith("/decisions/") and "://" not in payload["url"]
    login_as(client, people, "other")
    assert "Koffie voortaan fairtrade" in client.get("/inbox").text


def test_no_payload_carries_a_messages_own_words(app, people, service):
    """Every kind, with a marker in its subject, text and link: none reaches the push."""
    with app.test_request_context():
        member = db.session.get(User, people["member"][0])
        push.subscribe(member, service.device("phone").subscription())
        for topic in TOPICS:  # every topic right away, so every kind is pushed
            preferences.choose(member.id, topic.name, NOW)
        db.session.commit()
        kinds = [kind for topic in TOPICS for kind in topic.kinds]
        for kind in kinds:
            deliver(kind, SECRET, f"{SECRET}\n{SECRET}", user=member, link=f"/x?{SECRET}")
        deliver("reset", SECRET, SECRET, user=member, link="/password/reset/x")
        db.session.commit()
    assert service.errors == []
    assert len(service.received) == len(kinds)  # a reset is never pushed
    for _name, payload, _key in service.received:
        assert SECRET not in str(payload)


def test_inbox_only_and_notifications_off_push_nothing(app, client, people, service):
    login_as(client, people, "other")
    turn_on(client, service.device("phone"))
    with app.app_context():
        preferences.choose(people["other"][0], "proposals", INBOX)
        db.session.commit()
    laptop = app.test_client()
    login_as(laptop, people, "member")
    laptop.post("/decisions/new", data=proposal()).close()
    assert service.received == []
    client.post("/inbox/devices/remove", json={"endpoint": service.devices["phone"].endpoint},
                headers={"X-CSRFToken": client.csrf_token()}, csrf=False)  # fmt: skip
    with app.app_context():
        assert devices() == 0


def test_a_gone_subscription_is_removed_and_a_busy_service_retried(app, people, service):
    with app.test_request_context():
        member = db.session.get(User, people["member"][0])
        push.subscribe(member, service.device("gone").subscription())
        push.subscribe(member, service.device("busy").subscription())
        db.session.commit()
        service.answers = [410, 503]
        deliver("action_assigned", "Actie", "…", user=member, link="/meetings/actions/mine")
        db.session.commit()
    with app.app_context():
        left = push.devices(people["member"][0])
        assert [s.endpoint.rsplit("/", 1)[-1] for s in left] == ["busy"]
        assert db.session.scalar(select(func.count(PushRetry.id))) == 1
        assert push.retry_due(utcnow()) == 0, "not due yet"
        assert push.retry_due(utcnow() + timedelta(minutes=2)) == 1
        assert db.session.scalar(select(func.count(PushRetry.id))) == 0
    # 410 from "gone", 503 from "busy", then "busy" took the retry
    assert [name for name, _payload, _key in service.received] == ["gone", "busy", "busy"]


def test_a_refused_vapid_claim_keeps_the_subscription(app, people, service):
    with app.test_request_context():
        member = db.session.get(User, people["member"][0])
        push.subscribe(member, service.device("phone").subscription())
        db.session.commit()
        service.answers = [403]
        deliver("action_assigned", "Actie", "…", user=member, link="/")
        db.session.commit()
    with app.app_context():
        assert devices() == 1 and db.session.scalar(select(func.count(PushRetry.id))) == 0


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://evil.example/push/1",
        "http://127.0.0.1:9/push/1",  # loopback, but not a named origin
        "http://fcm.googleapis.com/fcm/send/1",  # a known host, but plain http
        "https://fcm.googleapis.com:8443/fcm/send/1",
        "https://user@fcm.googleapis.com/fcm/send/1",
        "https://169.254.169.254/latest/meta-data",
        "file:///etc/passwd",
        "https://fcm.googleapis.com:99999999/x",
        "",
        "x" * 2000,
    ],
)
def test_endpoints_outside_the_allowlist_are_refused(client, people, service, endpoint):
    login_as(client, people, "member")
    device = service.device("phone").subscription()
    response = turn_on_with(client, {**device, "endpoint": endpoint})
    assert response.status_code == 400 and "push" in response.json["error"]


def turn_on_with(client, data):
    token = {"X-CSRFToken": client.csrf_token()}
    return client.post("/inbox/devices", json=data, headers=token, csrf=False)


@pytest.mark.parametrize(
    "keys",
    [
        {"p256dh": "bm90IGEga2V5", "auth": "AAAAAAAAAAAAAAAAAAAAAA"},
        {"p256dh": "B" + "A" * 86, "auth": "AAAAAAAAAAAAAAAAAAAAAA"},  # not on the curve
        {"auth": "AAAAAAAAAAAAAAAAAAAAAA"},
        {"p256dh": ["x"], "auth": 5},
        "keys",
    ],
)
def test_malformed_keys_are_refused_with_a_clear_message(client, people, service, keys):
    login_as(client, people, "member")
    device = service.device("phone").subscription()
    response = turn_on_with(client, {**device, "keys": keys})
    assert response.status_code == 400
    assert response.json["error"] == "This device gave malformed encryption keys for push."


def test_a_known_push_host_is_accepted_and_checked_after_resolving(app, client, people):
    login_as(client, people, "member")
    subscription = Device("https://fcm.googleapis.com/fcm/send/abc").subscription()
    assert turn_on_with(client, subscription).status_code == 201
    with app.app_context():
        real = socket.getaddrinfo
        try:  # the push host resolving to a private address: never connected to
            socket.getaddrinfo = lambda *a, **k: [(2, 1, 6, "", ("10.0.0.7", 443))]
            with pytest.raises(OSError, match="no public address"):
                endpoints.post(subscription["endpoint"], {}, b"")
        finally:
            socket.getaddrinfo = real


def test_an_endpoint_belongs_to_one_member_and_logout_drops_it(app, client, people, service):
    device = service.device("shared")
    login_as(client, people, "member")
    turn_on(client, device)
    login_as(client, people, "other")  # logging the member out dropped their device
    with app.app_context():
        assert devices() == 0
    turn_on(client, device)
    turn_on(client, device)
    with app.app_context():
        assert db.session.scalars(select(PushSubscription.user_id)).all() == [people["other"][0]]
    client.post("/logout")
    with app.app_context():
        assert devices() == 0


def test_workers_load_no_push_library_until_they_push(app, client, people):
    """pywebpush pulls in aiohttp and requests: a worker that never pushes never loads them."""
    import subprocess
    import sys

    database = app.config["SQLALCHEMY_DATABASE_URI"]
    code = (
        "import sys; from leernet import create_app; "
        # no rate limits: their in-memory timer would keep the process alive under libfaketime
        f"app = create_app({{'SQLALCHEMY_DATABASE_URI': {database!r}, 'SECRET_KEY': 'x', "
        "'RATELIMIT_ENABLED': False}); "
        "app.test_client().get('/login'); "
        "print(sorted(m for m in ('pywebpush', 'aiohttp', 'requests', 'py_vapid') "
        "if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert loaded.stdout.strip() == "[]", loaded.stderr[-500:]


def test_a_digest_without_e_mail_is_one_push_to_the_inbox(app, people, service):
    from leernet.inbox.digests import send_digests
    from leernet.inbox.kinds import DAILY

    with app.test_request_context():
        member = db.session.get(User, people["member"][0])
        push.subscribe(member, service.device("phone").subscription())
        preferences.choose(member.id, "proposals", DAILY)
        for title in ("Een", "Twee"):
            deliver("decision_opened", f"New proposal: {title}", "…", user=member, link="/")
        db.session.commit()
        assert service.received == [], "a digest topic is not pushed right away"
        assert send_digests(utcnow()) == 1
    assert [payload for _name, payload, _key in service.received] == [
        {"title": "2 new messages in your inbox", "url": "/inbox", "tag": "digest"}
    ]
