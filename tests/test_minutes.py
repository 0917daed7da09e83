"""Writing minutes: preview, revisions, no lost updates, lifecycle and visibility."""

import threading

from sqlalchemy import func, select

from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.minutes.models import MinutesEvent, MinutesRevision

from . import factories
from .conftest import login_as
from .minutes_helpers import base_in, crew, meeting_of, member, minutes_of  # noqa: F401


def url(crew, suffix=""):  # noqa: F811
    return f"/meetings/{crew['meeting']}/minutes{suffix}"


def test_an_attendee_writes_minutes_with_a_live_preview(app, client, crew):  # noqa: F811
    login_as(client, crew, "member")
    page = client.get(url(crew, "/edit"))
    assert page.status_code == 200
    assert 'hx-post="/minutes/preview"' in page.text and "Subsidies" in page.text  # the agenda
    assert base_in(page.text) == 0
    preview = client.post(
        "/minutes/preview",
        data={"text": "**Besloten** <script>alert(1)</script>"},
        headers={"HX-Request": "true"},
    )
    assert "<strong>Besloten</strong>" in preview.text
    assert "<script" not in preview.text and "<html" not in preview.text
    saved = client.post(
        url(crew, "/edit"), data={"text": "## Besproken\nSubsidies", "base": "0", "note": "opzet"}
    )
    assert saved.status_code == 303
    with app.app_context():
        minutes = minutes_of(crew["meeting"])
        assert (minutes.head, minutes.state, minutes.taker_id) == (1, "draft", crew["member"][0])
    assert "Besproken" in client.get(url(crew)).text
    # A draft is the minute-taker's (and the host's): the other attendee cannot read it yet.
    login_as(client, crew, "other")
    assert client.get(url(crew)).status_code == 403
    assert "The minutes are being written." in client.get(f"/meetings/{crew['meeting']}").text
    login_as(client, crew, "host")
    assert "Besproken" in client.get(url(crew)).text


def test_a_non_attendee_cannot_start_minutes(client, crew):  # noqa: F811
    login_as(client, crew, "outsider")
    assert client.get(url(crew, "/edit")).status_code == 403
    assert client.post(url(crew, "/edit"), data={"text": "x", "base": "0"}).status_code == 403
    assert "No minutes yet." in client.get(url(crew)).text


def test_the_second_save_from_the_same_revision_gets_the_merge_screen(app, client, crew):  # noqa: F811
    with app.app_context():
        factories.minutes(
            meeting_of(crew),
            member(crew, "member"),
            "Punt A\nPunt B\n",
            state="shared",
        )
    alice, bob = client, app.test_client()
    login_as(alice, crew, "member")
    login_as(bob, crew, "other")
    assert base_in(alice.get(url(crew, "/edit")).text) == 1
    assert base_in(bob.get(url(crew, "/edit")).text) == 1
    ok = alice.post(
        url(crew, "/edit"), data={"text": "Punt A\nPunt B\nPunt C van Alice\n", "base": "1"}
    )
    assert ok.status_code == 303
    clash = bob.post(url(crew, "/edit"), data={"text": "Punt A van Bob\nPunt B\n", "base": "1"})
    assert clash.status_code == 409
    page = clash.text
    assert "Bram Lid saved the minutes while you were editing" in page
    assert "Punt C van Alice" in page  # their text
    assert "Punt A van Bob" in page  # yours, still in the editor
    assert "<ins> van Bob</ins>" in page  # the difference, word by word
    assert 'class="diff-line diff-removed"><span class="sr-only">removed: </span>' in page
    assert base_in(page) == 2
    with app.app_context():
        minutes = minutes_of(crew["meeting"])
        assert minutes.head == 2 and minutes.text == "Punt A\nPunt B\nPunt C van Alice\n"
    merged = "Punt A van Bob\nPunt B\nPunt C van Alice\n"
    assert bob.post(url(crew, "/edit"), data={"text": merged, "base": "2"}).status_code == 303
    with app.app_context():
        minutes = minutes_of(crew["meeting"])
        numbers = db.session.scalars(
            select(MinutesRevision.number).where(MinutesRevision.minutes_id == minutes.id)
        ).all()
        assert minutes.text == merged and sorted(numbers) == [1, 2, 3]


def test_concurrent_saves_from_one_revision_make_exactly_one_revision(app, crew):  # noqa: F811
    with app.app_context():
        factories.minutes(
            meeting_of(crew),
            member(crew, "host"),
            "Begin\n",
            state="shared",
        )
    clients = []
    for who in ("member", "other", "host"):
        c = app.test_client()
        login_as(c, crew, who)
        clients.append((who, c, c.csrf_token()))
    barrier = threading.Barrier(len(clients))
    statuses = {}

    def save(who, c, token):
        barrier.wait()
        response = c.post(
            url(crew, "/edit"),
            data={"text": f"Begin\nvan {who}\n", "base": "1", "csrf_token": token},
            csrf=False,
        )
        statuses[who] = response.status_code

    threads = [threading.Thread(target=save, args=args) for args in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(statuses.values()) == [303, 409, 409], statuses
    winner = next(who for who, status in statuses.items() if status == 303)
    with app.app_context():
        minutes = minutes_of(crew["meeting"])
        assert minutes.head == 2 and minutes.text == f"Begin\nvan {winner}\n"
        count = db.session.scalar(
            select(func.count()).where(MinutesRevision.minutes_id == minutes.id)
        )
        assert count == 2


def test_nothing_changed_is_not_a_revision(app, client, crew):  # noqa: F811
    login_as(client, crew, "member")
    client.post(url(crew, "/edit"), data={"text": "Tekst", "base": "0"})
    again = client.post(
        url(crew, "/edit"), data={"text": "Tekst", "base": "1"}, follow_redirects=True
    )
    assert "Nothing changed" in again.text
    with app.app_context():
        assert minutes_of(crew["meeting"]).head == 1


def test_share_approve_lock_and_a_logged_unlock(app, client, crew):  # noqa: F811
    login_as(client, crew, "member")
    client.post(url(crew, "/edit"), data={"text": "Concept", "base": "0"})
    assert client.post(url(crew, "/share")).status_code == 303
    with app.app_context():
        told = db.session.scalars(
            select(OutboxMessage.user_id).where(OutboxMessage.kind == "minutes_shared")
        ).all()
        assert sorted(told) == sorted([crew["other"][0], crew["host"][0]])
    # Attendees amend shared minutes; outsiders cannot read them, coordinators can.
    login_as(client, crew, "other")
    assert (
        client.post(
            url(crew, "/edit"), data={"text": "Concept, aangevuld", "base": "1"}
        ).status_code
        == 303
    )
    assert client.post(url(crew, "/approve"), data={"head": "2"}).status_code == 403
    login_as(client, crew, "outsider")
    assert client.get(url(crew)).status_code == 403
    assert "for the attendees only" in client.get(f"/meetings/{crew['meeting']}").text
    login_as(client, crew, "coordinator")
    assert "aangevuld" in client.get(url(crew)).text
    # The host approves the text they saw; a stale approval is refused.
    login_as(client, crew, "host")
    assert client.post(url(crew, "/approve"), data={"head": "1"}).status_code == 409
    assert client.post(url(crew, "/approve"), data={"head": "2"}).status_code == 303
    login_as(client, crew, "member")
    assert client.get(url(crew, "/edit")).status_code == 409
    locked = client.post(url(crew, "/edit"), data={"text": "Stiekem", "base": "2"})
    assert locked.status_code == 409 and "approved and locked" in locked.text
    with app.app_context():
        minutes = minutes_of(crew["meeting"])
        assert (minutes.state, minutes.head, minutes.locked_by_id) == (
            "approved",
            2,
            crew["host"][0],
        )
    # Unlocking needs a reason, which the history shows.
    login_as(client, crew, "host")
    assert client.post(url(crew, "/unlock"), data={"reason": " "}).status_code == 422
    assert (
        client.post(url(crew, "/unlock"), data={"reason": "Naam verkeerd gespeld"}).status_code
        == 303
    )
    history = client.get(url(crew, "/history")).text
    assert "Naam verkeerd gespeld" in history and "approved and locked" in history
    with app.app_context():
        kinds = db.session.scalars(select(MinutesEvent.kind).order_by(MinutesEvent.id)).all()
        assert kinds == ["shared", "approved", "unlocked"]
        assert minutes_of(crew["meeting"]).state == "shared"
    login_as(client, crew, "member")
    assert (
        client.post(url(crew, "/edit"), data={"text": "Concept, juist", "base": "2"}).status_code
        == 303
    )


def test_the_host_opens_the_minutes_to_the_whole_network(app, client, crew):  # noqa: F811
    with app.app_context():
        factories.minutes(
            meeting_of(crew),
            member(crew, "member"),
            state="shared",
        )
    login_as(client, crew, "host")
    assert (
        client.post(url(crew, "/visibility"), data={"visibility": "participants"}).status_code
        == 422
    )
    assert client.post(url(crew, "/visibility"), data={"visibility": "network"}).status_code == 303
    login_as(client, crew, "outsider")
    page = client.get(url(crew))
    assert page.status_code == 200 and "subsidies" in page.text
    assert 'href="/meetings/' in page.text and "/minutes/edit" not in page.text  # reads, not amends
    assert client.post(url(crew, "/edit"), data={"text": "x", "base": "1"}).status_code == 403


def test_history_diff_and_restore_as_a_new_revision(app, client, crew):  # noqa: F811
    with app.app_context():
        factories.minutes(
            meeting_of(crew),
            member(crew, "member"),
            "Eén\nvast",
            "Twee <script>alert(1)</script>\nvast",
            "Drie\nvast",
            state="shared",
        )
    login_as(client, crew, "other")
    history = client.get(url(crew, "/history")).text
    assert all(f"Revision {n}" in history for n in (1, 2, 3)) and "Bram Lid" in history
    compare = client.get(url(crew, "/diff?a=1&b=2")).text
    assert (
        "<del>Eén</del>" in compare
        and "&lt;script&gt;" in compare
        and "<script>alert" not in compare
    )
    assert client.get(url(crew, "/diff?a=x&b=99")).status_code == 200
    restored = client.post(url(crew, "/restore"), data={"number": "1", "base": "3"})
    assert restored.status_code == 303
    with app.app_context():
        minutes = minutes_of(crew["meeting"])
        latest = db.session.scalar(
            select(MinutesRevision).where(
                MinutesRevision.minutes_id == minutes.id, MinutesRevision.number == 4
            )
        )
        assert minutes.text == "Eén\nvast" and latest.restored_from == 1
        assert latest.author_id == crew["other"][0]
    assert "Restored revision 1" in client.get(url(crew, "/history")).text
    stale = client.post(
        url(crew, "/restore"), data={"number": "2", "base": "3"}, follow_redirects=True
    )
    assert "Someone saved the minutes in the meantime" in stale.text
    with app.app_context():
        assert minutes_of(crew["meeting"]).head == 4


def test_the_minutes_page_links_the_meeting_decisions(app, client, crew):  # noqa: F811
    with app.app_context():
        meeting = meeting_of(crew)
        factories.minutes(meeting, member(crew, "member"), state="shared")
        factories.decision(member(crew, "member"), "Jaarthema kiezen", meeting_id=meeting.id)
        factories.decision(member(crew, "member"), "Los besluit")
    login_as(client, crew, "other")
    page = client.get(url(crew)).text
    assert "Jaarthema kiezen" in page and "Los besluit" not in page


def test_minutes_of_an_unknown_meeting_or_id(client, crew):  # noqa: F811
    login_as(client, crew, "member")
    assert client.get("/meetings/99999/minutes").status_code == 404
    assert client.get("/minutes/99999").status_code == 404
    assert client.get("/meetings/99999999999999999999/minutes").status_code == 404


def test_two_attendees_starting_at_once_lose_nothing(app, client, crew):  # noqa: F811
    alice, bob = client, app.test_client()
    login_as(alice, crew, "member")
    login_as(bob, crew, "other")
    assert (
        alice.post(url(crew, "/edit"), data={"text": "Notities van Bram", "base": "0"}).status_code
        == 303
    )
    late = bob.post(url(crew, "/edit"), data={"text": "Notities van Chris", "base": "0"})
    assert late.status_code == 409
    assert "Someone else has started these minutes" in late.text
    assert "Notities van Chris" in late.text and "Notities van Bram" not in late.text
    with app.app_context():
        minutes = minutes_of(crew["meeting"])
        assert (minutes.head, minutes.taker_id) == (1, crew["member"][0])
    assert bob.get(url(crew, "/edit")).status_code == 409
    assert bob.get(url(crew)).status_code == 403  # the draft is still the minute-taker's
