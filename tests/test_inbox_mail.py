"""E-mail through a real SMTP server on 127.0.0.1: after the response, and in digests."""

import socket
import threading
from datetime import timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import func, select

from leernet.extensions import db
from leernet.inbox import preferences
from leernet.inbox.digests import send_digests
from leernet.inbox.kinds import DAILY, WEEKLY
from leernet.inbox.models import Digest
from leernet.mail import OutboxMessage, deliver
from leernet.members.models import User
from leernet.timeutil import utcnow

from .conftest import login_as
from .test_decisions import proposal


class Inbox:
    """The SMTP server's side: every message it accepted."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append(message_from_bytes(envelope.content))
        return "250 OK"

    def subjects(self, to=None):
        return sorted(m["Subject"] for m in self.received if to is None or m["To"] == to)


@pytest.fixture
def smtp(app):
    handler = Inbox()
    with socket.socket() as probe:  # a free port (aiosmtpd's readiness check needs one)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False)
    yield handler
    controller.stop()


def test_mail_leaves_after_the_response(app, client, people, smtp):
    login_as(client, people, "member")
    response = client.post("/decisions/new", data=proposal())
    assert response.status_code == 303
    assert smtp.received == [], "nothing is sent while the request is being answered"
    response.close()  # the server has sent the response: now the mail goes
    subject = "New proposal: Koffie voortaan fairtrade"
    assert smtp.subjects() == [subject, subject]
    with app.app_context():
        sent = db.session.scalars(select(OutboxMessage.sent_at)).all()
        assert len(sent) == 2 and all(sent)


def member(people, who):
    return db.session.get(User, people[who][0])


def test_a_daily_digest_once_per_day_with_each_message_once(app, runner, people, smtp):
    with app.test_request_context():
        preferences.choose(people["member"][0], "proposals", DAILY)
        preferences.choose(people["other"][0], "actions", WEEKLY)
        for title in ("Eerste voorstel", "Tweede voorstel"):
            deliver("decision_opened", f"New proposal: {title}", "…", user=member(people, "member"))
        deliver("action_assigned", "Action", "…", user=member(people, "other"))
        db.session.commit()
    assert smtp.received == [], "digest topics do not go right away"
    for _run in range(3):
        result = runner.invoke(args=["leernet", "send-digests"])
        assert result.exit_code == 0, result.output
    email = people["member"][1]
    assert smtp.subjects(email) == ["Daily digest from Testnetwerk: 2 new messages"]
    text = smtp.received[0].get_payload(decode=True).decode()
    assert "Eerste voorstel" in text and "Tweede voorstel" in text and "/inbox" in text
    assert smtp.subjects(people["other"][1]) == ["Weekly digest from Testnetwerk: 1 new message"]
    with app.test_request_context():
        deliver("decision_opened", "New proposal: Derde", "…", user=member(people, "member"))
        db.session.commit()
        now = utcnow()
        assert send_digests(now) == 0, "today's digest has gone: the rest waits for tomorrow"
        assert send_digests(now + timedelta(days=1)) == 1
    assert smtp.subjects(email)[0] == "Daily digest from Testnetwerk: 1 new message"
    assert len(smtp.received) == 3


def test_concurrent_digest_runs_send_each_digest_once(app, people, smtp):
    with app.app_context():
        for who in ("member", "other", "coordinator"):
            preferences.choose(people[who][0], "proposals", DAILY)
            deliver("decision_opened", "New proposal: Samen", "…", user=member(people, who))
        db.session.commit()
    now = utcnow()
    start = threading.Barrier(3)
    made = []

    def run():
        with app.app_context():
            start.wait()
            made.append(send_digests(now))
            db.session.remove()

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(made) == 3 and len(smtp.received) == 3
    with app.app_context():
        assert db.session.scalar(select(func.count(Digest.id))) == 3
        unclaimed = select(func.count(OutboxMessage.id)).where(OutboxMessage.digest_id.is_(None))
        assert db.session.scalar(unclaimed) == 0


def test_without_smtp_the_digest_waits_in_the_inbox(app, client, people):
    with app.app_context():
        preferences.choose(people["member"][0], "proposals", DAILY)
        deliver("decision_opened", "New proposal: Stil", "…", user=member(people, "member"))
        db.session.commit()
        assert send_digests(utcnow()) == 1
        assert db.session.scalar(select(Digest.sent_at)) is None
    login_as(client, people, "member")
    assert "New proposal: Stil" in client.get("/inbox").text
