"""Trust: every side door a confidential text could leave by, walked as an attacker would.

Each test names its door (issue 13) and fails if that door opens again.
"""

import re

import pytest
from sqlalchemy import select

from leernet.auth import resets, throttle
from leernet.extensions import db
from leernet.mail import OutboxMessage

from . import factories
from .conftest import login_as

NEW = {"password": "een nieuw lang wachtwoord", "confirm": "een nieuw lang wachtwoord"}
CODE = re.compile(r'class="reset-code"><strong>([A-Z0-9]{4}-[A-Z0-9]{4})<')


def outbox_text(app):
    with app.app_context():
        rows = db.session.scalars(select(OutboxMessage)).all()
        return " ".join(f"{m.subject} {m.body} {m.link}" for m in rows)


def ask_reset(client, email):
    """Start a reset as a browser does; the code the page shows (or None)."""
    response = client.post("/password/forgot", data={"email": email})
    assert response.status_code == 303 and response.headers["Location"] == "/password/reset"
    page = client.get("/password/reset").get_data(as_text=True)
    found = CODE.search(page)
    return found and found.group(1)


# Door 1: password reset links in the coordinator's outbox.


def test_door1_a_reset_without_smtp_puts_nothing_in_the_outbox(app, people):
    member = app.test_client()
    code = ask_reset(member, people["member"][1])
    assert code
    assert "reset" not in outbox_text(app) and "/password/" not in outbox_text(app)
    coordinator = app.test_client()
    login_as(coordinator, people, "coordinator")
    page = coordinator.get("/admin/outbox").get_data(as_text=True)
    assert "/password/reset" not in page


def test_door1_the_coordinator_approves_and_the_reset_completes_in_the_members_browser(app, people):
    member, coordinator, stranger = app.test_client(), app.test_client(), app.test_client()
    code = ask_reset(member, people["member"][1])
    poll = {"HX-Request": "true", "HX-Target": "reset-wait"}
    waiting = member.get("/password/reset", headers=poll).get_data(as_text=True)
    assert code in waiting and "<html" not in waiting
    login_as(coordinator, people, "coordinator")
    listing = coordinator.get("/admin/members").get_data(as_text=True)
    assert f"/admin/members/{people['member'][0]}/reset" in listing
    wrong = coordinator.post(f"/admin/members/{people['member'][0]}/reset", data={"code": "AAAA"})
    assert wrong.status_code == 303
    assert 'name="password"' not in member.get("/password/reset").get_data(as_text=True)
    coordinator.post(f"/admin/members/{people['member'][0]}/reset", data={"code": code.lower()})
    assert member.get("/password/reset", headers=poll).headers["HX-Redirect"] == "/password/reset"
    # The coordinator holds nothing that works: not their browser, not a stranger's.
    for other in (coordinator, stranger):
        assert other.get("/password/reset").status_code == 302
    assert 'name="password"' in member.get("/password/reset").get_data(as_text=True)
    assert member.post("/password/reset", data=NEW).status_code == 303
    assert member.get("/members/").status_code == 200
    with app.app_context():
        row = db.session.scalar(select(resets.ResetRequest))
        assert row.approved_by_id == people["coordinator"][0] and row.approved_at and row.used_at
    # The member is told at their next login, once.
    again = app.test_client()
    told = again.post("/login", data={"email": people["member"][1], "password": NEW["password"]})
    assert told.status_code == 303
    assert "Anouk" in again.get("/").get_data(as_text=True)
    again.post("/logout")
    again.post("/login", data={"email": people["member"][1], "password": NEW["password"]})
    assert "approved by" not in again.get("/").get_data(as_text=True)


def test_door1_an_unknown_address_gets_the_same_page_and_nothing_is_stored(app, people):
    browser = app.test_client()
    assert ask_reset(browser, "nobody@example.org")
    with app.app_context():
        assert db.session.scalar(select(resets.ResetRequest)) is None


def test_door1_wrong_codes_end_the_request(app, people):
    member, coordinator = app.test_client(), app.test_client()
    ask_reset(member, people["member"][1])
    login_as(coordinator, people, "coordinator")
    for _ in range(resets.MAX_WRONG):
        coordinator.post(f"/admin/members/{people['member'][0]}/reset", data={"code": "ZZZZZZZZ"})
    assert member.get("/password/reset").status_code == 410


def test_door1_a_coordinator_cannot_approve_their_own_reset(app, people):
    browser, coordinator = app.test_client(), app.test_client()
    code = ask_reset(browser, people["coordinator"][1])
    login_as(coordinator, people, "coordinator")
    coordinator.post(f"/admin/members/{people['coordinator'][0]}/reset", data={"code": code})
    assert 'name="password"' not in browser.get("/password/reset").get_data(as_text=True)


def test_door1_with_smtp_the_link_is_emailed_and_not_kept(app, people, monkeypatch):
    sent = []
    monkeypatch.setattr("leernet.mail._send_smtp", lambda to, subject, body: sent.append(body))
    app.config["MAIL_SERVER"] = "127.0.0.1"
    client = app.test_client()
    response = client.post("/password/forgot", data={"email": people["member"][1]})
    assert "Check your e-mail" in response.get_data(as_text=True)
    response.close()  # the mail leaves once the response is sent
    unknown = client.post("/password/forgot", data={"email": "nobody@example.org"})
    assert "Check your e-mail" in unknown.get_data(as_text=True)
    unknown.close()
    assert len(sent) == 1 and "/password/reset/" in sent[0]
    assert "/password/reset/" not in outbox_text(app)
    path = sent[0].split("localhost", 1)[1].strip()
    assert client.post(path, data=NEW).status_code == 303
    client.post("/logout")
    assert client.get(path).status_code == 410


# Door 3: logging out leaves "remember me" alive.


def login_remembered(client, people, who="member"):
    client.post(
        "/login",
        data={"email": people[who][1], "password": factories.PASSWORD, "remember": "y"},
    )


def cookie(client, name):
    found = client.get_cookie(name)
    return found and found.value


def test_door3_logout_deletes_the_remember_cookie(app, people):
    client = app.test_client()
    login_remembered(client, people)
    assert cookie(client, "remember_token")
    response = client.post("/logout")
    assert any(c.startswith("remember_token=;") for c in response.headers.getlist("Set-Cookie"))
    assert not cookie(client, "remember_token")
    assert client.get("/members/").status_code == 302


def test_door3_copied_cookies_stop_working_after_logout(app, people):
    client = app.test_client()
    login_remembered(client, people)
    remember, session = cookie(client, "remember_token"), cookie(client, "session")
    client.post("/logout")
    thief = app.test_client()
    thief.set_cookie("remember_token", remember)
    assert thief.get("/members/").status_code == 302
    thief = app.test_client()
    thief.set_cookie("session", session)
    assert thief.get("/members/").status_code == 302


def test_door3_logout_on_one_device_keeps_the_other_logged_in(app, people):
    laptop, phone = app.test_client(), app.test_client()
    login_remembered(laptop, people)
    login_remembered(phone, people)
    laptop.post("/logout")
    assert laptop.get("/members/").status_code == 302
    assert phone.get("/members/").status_code == 200
    fresh = app.test_client()  # the phone's browser restarted: only its remember cookie
    fresh.set_cookie("remember_token", cookie(phone, "remember_token"))
    assert fresh.get("/members/").status_code == 200


def test_door3_logout_tells_the_browser_to_forget_with_a_full_redirect(app, people):
    client = app.test_client()
    login_as(client, people, "member")
    plain = client.post("/logout")
    assert plain.status_code == 303 and plain.headers["Location"] == "/login"
    assert plain.headers["Clear-Site-Data"] == '"cache", "storage"'
    login_as(client, people, "member")
    boosted = client.post("/logout", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "HX-Location" not in boosted.headers
    assert boosted.headers["HX-Redirect"] == "/login"
    assert "cache" in boosted.headers["Clear-Site-Data"]


# Door 4: a login without "stay logged in" lasted 14 days.


def session_cookie_header(response):
    return next(c for c in response.headers.getlist("Set-Cookie") if c.startswith("session="))


def test_door4_without_stay_logged_in_the_cookie_ends_with_the_browser(app, people):
    client = app.test_client()
    response = client.post(
        "/login", data={"email": people["member"][1], "password": factories.PASSWORD}
    )
    assert "Expires" not in session_cookie_header(response)
    assert not cookie(client, "remember_token")
    remembered = app.test_client()
    login_remembered(remembered, people)
    assert cookie(remembered, "remember_token")


# Door 6: private pages carried no Cache-Control.


@pytest.mark.parametrize("path", ["/", "/members/", "/search?q=x", "/calendar/", "/meetings/"])
def test_door6_private_pages_are_not_stored(client, people, path):
    login_as(client, people, "member")
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"


def test_door6_static_assets_stay_cacheable(client, app):
    with app.test_request_context():
        from flask import url_for

        url = url_for("static", filename="css/app.css")
    response = client.get(url)
    assert "no-store" not in response.headers.get("Cache-Control", "")
    assert "max-age" in response.headers["Cache-Control"]


# Door 7: links followed the request's Host header.


def test_door7_a_forged_host_is_refused_before_any_link_is_made(app, people):
    client = app.test_client()
    evil = {"Host": "evil.example"}
    assert (
        client.post(
            "/password/forgot", data={"email": people["member"][1]}, headers=evil
        ).status_code
        == 400
    )
    login_as(client, people, "member")
    client.post("/calendar/regenerate")
    assert client.get("/calendar/", headers=evil).status_code == 400
    assert "evil.example" not in client.get("/calendar/").get_data(as_text=True)
    assert "evil.example" not in outbox_text(app)


def test_door7_links_come_from_the_base_url(app, people):
    app.config["BASE_URL"] = "https://leernet.example.org"
    client = app.test_client()
    login_as(client, people, "member")
    client.post("/calendar/regenerate")
    page = client.get("/calendar/").get_data(as_text=True)
    assert "webcal://leernet.example.org/calendar/" in page


def test_door7_the_base_urls_host_and_extra_hosts_are_trusted(schema, tmp_path, monkeypatch):
    from leernet import create_app

    from .conftest import app_config

    monkeypatch.setenv("LEERNET_BASE_URL", "https://leernet.example.org")
    monkeypatch.setenv("LEERNET_EXTRA_HOSTS", "192.168.1.20")
    app = create_app(app_config(schema, tmp_path))
    client = app.test_client()
    for host in ("leernet.example.org", "192.168.1.20", "localhost", "127.0.0.1:5000"):
        assert client.get("/healthz", headers={"Host": host}).status_code == 200, host
    assert client.get("/healthz", headers={"Host": "evil.example"}).status_code == 400


def test_door7_make_run_on_all_addresses_says_what_to_set(runner, monkeypatch):
    monkeypatch.setenv("HOST", "0.0.0.0")
    result = runner.invoke(args=["leernet", "check-host"])
    assert result.exit_code == 1 and "LEERNET_BASE_URL=" in result.output
    monkeypatch.setenv("HOST", "127.0.0.1")
    assert runner.invoke(args=["leernet", "check-host"]).exit_code == 0


# Door 8: a coordinator could add themselves to a session and read its case.

CASE = "Mijn opdrachtgever betaalt al drie maanden niet"


def test_door8_a_coordinator_cannot_join_a_session_once_its_case_is_written(app, world):
    from . import intervision_world as iw

    session_url = f"/intervision/{world['session_id']}"
    bringer, coordinator = app.test_client(), app.test_client()
    iw.login(bringer, world, "case_bringer")
    bringer.post(f"{session_url}/case", data={"case_question": CASE, "expires_after_days": ""})
    assert CASE in bringer.get(session_url).get_data(as_text=True)
    iw.login(coordinator, world, "coordinator")
    assert coordinator.post(f"/meetings/{world['meeting_id']}/checkin").status_code < 400
    me = world["ids"]["coordinator"]
    refused = coordinator.post(
        f"{session_url}/roles", data={"do": "add", "member": me}, headers={"HX-Request": "true"}
    )
    assert refused.status_code == 409
    for path in ("", "/screen", "/history", "/minutes", "/state?v=0"):
        response = coordinator.get(session_url + path)
        assert CASE not in response.get_data(as_text=True), path
    # The case-bringer agrees by taking the case back; whoever joins then sees no case.
    bringer.post(f"{session_url}/case", data={"case_question": "", "expires_after_days": ""})
    added = coordinator.post(f"{session_url}/roles", data={"do": "add", "member": me})
    assert added.status_code == 303
    assert CASE not in coordinator.get(session_url).get_data(as_text=True)


# Door 9: the login limit was per worker and per address.


def test_door9_failed_logins_count_through_two_server_processes(app, people, tmp_path):
    from contextlib import ExitStack

    from bench.client import Session
    from bench.server import Server

    url = app.config["SQLALCHEMY_DATABASE_URI"]
    with ExitStack() as stack:
        servers = [
            stack.enter_context(Server(url, tmp_path / f"gunicorn-{n}.log", workers=1))
            for n in range(2)
        ]
        visitors = [Session(server.url) for server in servers]
        wrong = {"email": people["member"][1], "password": "fout wachtwoord"}
        statuses = [visitors[n % 2].post("/login", wrong).status for n in range(9)]
    free = throttle.RULES[0].free
    assert statuses[:free] == [422] * free  # each process saw only half of these
    assert 429 in statuses[free:]


def attempts(client, email, password, address, times=1):
    environ = {"REMOTE_ADDR": address}
    return [
        client.post(
            "/login", data={"email": email, "password": password}, environ_base=environ
        ).status_code
        for _ in range(times)
    ]


def test_door9_an_attacker_elsewhere_keeps_the_real_person_out_briefly_at_most(
    app, people, monkeypatch
):
    from datetime import timedelta

    from leernet.timeutil import utcnow

    email = people["member"][1]
    attacker, member = app.test_client(), app.test_client()
    start = utcnow()
    clock = {"now": start}
    monkeypatch.setattr(throttle, "utcnow", lambda: clock["now"])
    statuses = []
    for n in range(40):  # one attempt every two seconds, as fast as the waits allow
        clock["now"] = start + timedelta(seconds=2 * n)
        statuses += attempts(attacker, email, "geraden wachtwoord", "10.0.0.66")
    assert statuses.count(429) > 0  # the attacker is slowed down
    with app.app_context():
        wait = throttle.wait_seconds(email, "10.0.0.7", clock["now"])
    assert wait <= throttle.RULES[2].cap  # the member, at home: a minute at most
    clock["now"] += timedelta(seconds=wait)
    assert attempts(member, email, factories.PASSWORD, "10.0.0.7") == [303]


def test_door9_an_unknown_address_is_slowed_down_exactly_like_a_known_one(app, people):
    known, unknown = app.test_client(), app.test_client()
    seen_known = attempts(known, people["member"][1], "fout wachtwoord", "10.0.0.8", times=8)
    seen_unknown = attempts(unknown, "nobody@example.org", "fout wachtwoord", "10.0.0.9", times=8)
    assert seen_known == seen_unknown and 429 in seen_known


# Door 10: which addresses have accounts showed in the response time.


def test_door10_known_and_unknown_addresses_cost_the_same_argon2_work(app, people, monkeypatch):
    from argon2 import PasswordHasher

    verified = []
    original = PasswordHasher.verify

    def counting(self, stored, password):
        verified.append((self.time_cost, self.memory_cost, stored.split("$")[3]))
        return original(self, stored, password)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    client = app.test_client()
    for email in (people["member"][1], "nobody@example.org"):
        attempts(client, email, "fout wachtwoord", "10.0.0.10")
    with app.app_context():
        factories.user(email="erased@example.org", password="").password_hash = ""
        db.session.commit()
    attempts(client, "erased@example.org", "fout wachtwoord", "10.0.0.10")
    assert len(verified) == 3 and len(set(verified)) == 1  # each one real verification, alike


# Door 11: 500s on odd input.

LISTS = ("/meetings/", "/members/", "/resources/", "/questions/", "/decisions/", "/polls/",
         "/meetings/actions/mine", "/value/stories/", "/admin/invitations", "/admin/outbox",
         "/admin/members", "/search?q=a", "/intervision/history")  # fmt: skip


@pytest.mark.parametrize("number", ["9223372036854775807", "-9223372036854775808", "١"])
def test_door11_odd_page_numbers_are_a_clear_4xx_on_every_list(client, people, number):
    login_as(client, people, "coordinator")
    for path in LISTS:
        assert client.get(path).status_code == 200, path
        joiner = "&" if "?" in path else "?"
        response = client.get(f"{path}{joiner}page={number}")
        assert 400 <= response.status_code < 500, path


def test_door11_ids_in_other_scripts_are_not_ids(client, people):
    login_as(client, people, "member")
    with client.application.app_context():
        meeting_id = str(factories.meeting().id)
    arabic_indic = meeting_id.translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert client.get(f"/meetings/{meeting_id}").status_code == 200
    assert client.get(f"/meetings/{arabic_indic}").status_code == 404


@pytest.mark.parametrize("path", ["/login", "/language"])
def test_door11_control_characters_in_next_go_home(client, people, path):
    evil = "/\r\nX-Injected: 1"
    data = {"email": people["member"][1], "password": factories.PASSWORD, "next": evil}
    if path == "/language":
        data = {"language": "en", "next": evil}
    response = client.post(path, data=data)
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert "X-Injected" not in response.headers
    login_as(client, people, "member")
    assert client.get("/login?next=%2F%0D%0AX-Injected%3A%201").status_code == 303


# Door 12: SVG constructions that passed the upload filter.

SVG = b'xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
TRICKS = [
    b"<svg " + SVG + b"><g/onload=alert(1)></g></svg>",
    b"<svg " + SVG + b'><a xlink:href="&#106;avascript:alert(1)"><rect width="5"/></a></svg>',
    b"<svg " + SVG + b'><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>',
    b"<svg " + SVG + b'><set attributeName="onmouseover" to="alert(1)"/></svg>',
    b"<svg " + SVG + b'><use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x"/></svg>',
    b"<svg " + SVG + b'><rect style="x" fill="url(javascript:alert(1))"/></svg>',
    b"<svg " + SVG + b"><style>*{}</style></svg>",
]


@pytest.mark.parametrize("data", TRICKS)
def test_door12_svg_tricks_are_refused_by_the_allowlist(data):
    import io

    from leernet.resources.files import UploadError, check

    with pytest.raises(UploadError):
        check("x.svg", io.BytesIO(data), 1024 * 1024)


def test_door12_a_plain_drawing_still_passes():
    import io

    from leernet.resources.files import check

    drawing = (
        b'<?xml version="1.0"?>\n<svg ' + SVG + b' viewBox="0 0 10 10"><defs><linearGradient '
        b'id="a"><stop offset="0" stop-color="#fff"/></linearGradient></defs>'
        b'<g transform="scale(2)"><circle r="4" fill="url(#a)"/><use xlink:href="#a"/>'
        b"<text x='1'>Logo</text></g></svg>"
    )
    assert check("logo.svg", io.BytesIO(drawing), 1024 * 1024).family == "svg"


def test_door12_the_calendar_page_makes_no_address_on_a_get(app, client, people):
    from leernet.meetings.models import CalendarFeed

    login_as(client, people, "member")
    client.get("/calendar/")
    with app.app_context():
        assert db.session.scalar(select(CalendarFeed)) is None
    client.post("/calendar/regenerate")
    with app.app_context():
        assert db.session.scalar(select(CalendarFeed)) is not None


def test_door12_text_downloads_name_their_charset_once(app, client, people):
    with app.app_context():
        from leernet.members.models import User

        owner = db.session.get(User, people["member"][0])
        item = factories.resource(owner, kind="file", filename="notes.txt", content=b"hallo")
        resource_id = item.id
    login_as(client, people, "member")
    response = client.get(f"/resources/{resource_id}/file")
    assert response.headers["Content-Type"].lower().count("charset") == 1


def test_door12_reading_a_sessions_minutes_writes_nothing(app, client, world, monkeypatch):
    from leernet.intervision import minutes

    from . import intervision_world as iw
    from .test_intervision_minutes import run_with_notes

    run_with_notes(client, world, (0, "Drie incidenten."))
    writes = []
    monkeypatch.setattr(minutes, "_take_up", lambda *args: writes.append(args))
    iw.login(client, world, "plain")
    assert client.get(f"/intervision/{world['session_id']}/minutes").status_code == 302
    assert writes == []


def test_door12_a_due_case_is_shown_removed_on_a_get_and_nothing_is_written(app, client, world):
    """Every GET a participant can make of a due session shows no case, note or
    reflection, and leaves the database as it was; ``expire-cases`` then erases it."""
    from datetime import timedelta

    from leernet.intervision.models import Commitment, PhaseNote, Session

    from . import intervision_world as iw
    from .test_intervision_minutes import run_with_notes

    secrets = ("Geheime vraag", "Geheime notitie", "Geheime reflectie")
    iw.login(client, world, "case_bringer")
    session_url = f"/intervision/{world['session_id']}"
    case = {"case_question": secrets[0], "expires_after_days": "7"}
    client.post(f"{session_url}/case", data=case)
    minutes_url = run_with_notes(client, world, (0, secrets[1]))
    iw.login(client, world, "case_bringer")
    client.post(f"{session_url}/reflection", data={"reflection": secrets[2]})

    def stored():
        with app.app_context():
            session = db.session.get(Session, world["session_id"])
            return (session.case_question, session.case_removed_at, session.version,
                    db.session.scalar(select(PhaseNote.text)),
                    db.session.scalar(select(Commitment.reflection)))  # fmt: skip

    with app.app_context():
        session = db.session.get(Session, world["session_id"])
        session.started_at -= timedelta(days=8)
        db.session.commit()
    before = stored()
    assert before[:2] == (secrets[0], None)
    for who in ("case_bringer", "plain", "facilitator"):
        iw.login(client, world, who)
        pages = [client.get(path) for path in (
            session_url, f"{session_url}/state", f"{session_url}/minutes", minutes_url,
            "/intervision/", "/intervision/history", "/me/export",
        )]  # fmt: skip
        pages += [client.get("/search", query_string={"q": word.split()[1]}) for word in secrets]
        for response in pages:
            text = response.get_data(as_text=True)
            assert response.status_code < 500
            assert not any(secret in text for secret in secrets), (who, response.request.path)
    assert stored() == before, "no GET wrote"
    result = app.test_cli_runner().invoke(args=["leernet", "expire-cases"])
    assert "case details were removed: 1" in result.output
    assert stored()[:2] != before[:2] and stored()[3:] == ("", "")
