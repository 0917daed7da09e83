"""Minutes of an intervision session: drawn from the minute-taker's phase notes when the
session finishes, for its participants only, following late notes until someone edits
them, and gone with the case details when those expire."""

import re
from datetime import timedelta

from sqlalchemy import func, select

from leernet.extensions import db
from leernet.intervision import minutes as session_minutes
from leernet.intervision.models import PhaseNote, Session
from leernet.minutes.models import Minutes, MinutesEvent, MinutesRevision
from leernet.search.models import SearchDocument
from leernet.timeutil import utcnow

from . import intervision_world as iw
from .conftest import HTMX
from .intervision_world import control, url


def note(client, world, phase, text):
    response = client.post(url(world, f"/notes/{phase}"), data={"text": text}, headers=HTMX)
    assert response.status_code == 200, response.get_data(as_text=True)


def the_minutes(world):
    return db.session.scalar(
        select(Minutes).where(
            Minutes.subject_kind == "session", Minutes.subject_id == world["session_id"]
        )
    )


def run_with_notes(client, world, *notes, finish=True):
    """The facilitator starts, the minute-taker notes ``(phase, text)``, the facilitator
    finishes; returns the minutes' page."""
    iw.login(client, world, "facilitator")
    control(client, world, "start")
    iw.login(client, world, "minute_taker")
    for phase, text in notes:
        note(client, world, phase, text)
    if finish:
        iw.login(client, world, "facilitator")
        assert control(client, world, "finish").status_code == 303
    with client.application.app_context():
        minutes = the_minutes(world)
        return f"/minutes/{minutes.id}" if minutes else None


def found(client, world, who, word):
    iw.login(client, world, who)
    page = client.get("/search", query_string={"q": word}).get_data(as_text=True)
    return "/minutes/" in page and word in page


def test_finishing_draws_up_shared_minutes_from_the_notes(app, client, world):
    base = run_with_notes(
        client, world, (2, "Vragen over de begroting.\r\nEn de planning."), (0, "Drie incidenten.")
    )
    with app.app_context():
        minutes = the_minutes(world)
        assert (minutes.state, minutes.visibility, minutes.head) == ("shared", "participants", 1)
        assert minutes.taker_id == world["ids"]["minute_taker"]
        assert minutes.text == (  # phase names as headings, in the method's order
            "## Choosing the incident\n\nDrie incidenten.\n\n"
            "## Exploring questions\n\nVragen over de begroting.\nEn de planning.\n"
        )
        first = db.session.scalar(select(MinutesRevision))
        assert (first.author_id, first.note) == (
            world["ids"]["minute_taker"],
            "From the phase notes",
        )
        events = db.session.scalars(select(MinutesEvent.kind)).all()
        assert events == ["shared"]

    iw.login(client, world, "plain")  # a participant follows the session page's link
    page = client.get(url(world)).get_data(as_text=True)
    assert f'href="{url(world, "/minutes")}"' in page and ">Minutes</a>" in page
    link = client.get(url(world, "/minutes"))
    assert link.status_code == 302 and link.headers["Location"] == base
    shown = client.get(base).get_data(as_text=True)
    assert "<h2>Choosing the incident</h2>" in shown and "Drie incidenten." in shown
    assert "The session's participants can read and amend" in shown
    assert "Session participants only" in shown
    amended = client.post(
        f"{base}/edit", data={"text": "## Choosing the incident\n\nVier incidenten.\n", "base": "1"}
    )
    assert amended.status_code == 303
    assert "Vier incidenten." in client.get(base).get_data(as_text=True)


def test_only_participants_read_them_and_the_facilitator_manages_them(app, client, world):
    base = run_with_notes(client, world, (0, "Drie incidenten."))
    for outsider in ("outsider", "coordinator"):  # participant-only: not even a coordinator
        iw.login(client, world, outsider)
        for path in (base, f"{base}/edit", f"{base}/history", url(world, "/minutes")):
            assert client.get(path).status_code == 403, (outsider, path)
        assert client.post(f"{base}/edit", data={"text": "x", "base": "1"}).status_code == 403
    iw.login(client, world, "plain")  # a participant who is not the facilitator manages nothing
    assert client.post(f"{base}/approve", data={"head": "1"}).status_code == 403
    assert client.post(f"{base}/visibility", data={"visibility": "attendees"}).status_code == 403

    iw.login(client, world, "facilitator")  # the facilitator opens them up to "attendees"
    page = client.get(base).get_data(as_text=True)
    assert "Attendees only" in page and "The whole network" not in page
    opened = client.post(f"{base}/visibility", data={"visibility": "attendees"})
    assert opened.status_code == 303
    iw.login(client, world, "coordinator")  # ... which coordinators read, as with meetings
    assert client.get(base).status_code == 200
    assert client.get(f"{base}/edit").status_code == 403
    iw.login(client, world, "outsider")
    assert client.get(base).status_code == 403

    iw.login(client, world, "facilitator")
    assert client.post(f"{base}/approve", data={"head": "1"}).status_code == 303
    assert "Only the facilitator can unlock them." in client.get(base).get_data(as_text=True)
    iw.login(client, world, "plain")
    assert client.post(f"{base}/edit", data={"text": "x", "base": "1"}).status_code == 409


def test_a_late_note_reaches_the_minutes_until_someone_edits_them(app, client, world):
    base = run_with_notes(client, world, (0, "Drie incidenten."))
    iw.login(client, world, "minute_taker")  # the last autosave arrives after the finish
    note(client, world, 0, "Drie incidenten, één gekozen.")
    with app.app_context():
        minutes = the_minutes(world)
        assert minutes.head == 2 and "Drie incidenten, één gekozen." in minutes.text
    assert found(client, world, "plain", "gekozen")

    iw.login(client, world, "plain")  # once a person wrote in them, they are the record
    client.post(f"{base}/edit", data={"text": "Onze eigen samenvatting.\n", "base": "2"})
    iw.login(client, world, "minute_taker")
    note(client, world, 0, "Nog een late wijziging.")
    with app.app_context():
        minutes = the_minutes(world)
        assert (minutes.head, minutes.text) == (3, "Onze eigen samenvatting.\n")
        assert db.session.scalar(select(PhaseNote.text)) == "Nog een late wijziging."


def test_no_minutes_before_the_finish_and_older_sessions_get_theirs_on_first_visit(
    app, client, world
):
    run_with_notes(client, world, (0, "Drie incidenten."), finish=False)
    iw.login(client, world, "plain")
    early = client.get(url(world, "/minutes"), follow_redirects=True)
    assert "drawn up from the notes when the session finishes" in early.get_data(as_text=True)
    with app.app_context():
        assert the_minutes(world) is None
        session = db.session.get(Session, world["session_id"])  # finished before minutes existed
        session.status, session.finished_at = "finished", utcnow()
        db.session.commit()
    link = client.get(url(world, "/minutes"))
    assert link.status_code == 302
    assert "Drie incidenten." in client.get(link.headers["Location"]).get_data(as_text=True)
    again = client.get(url(world, "/minutes"))
    assert again.headers["Location"] == link.headers["Location"]
    with app.app_context():
        assert db.session.scalar(select(func.count(MinutesRevision.id))) == 1


def test_expired_case_details_take_the_minutes_with_them(app, client, world, runner):
    iw.login(client, world, "case_bringer")
    client.post(
        url(world, "/case"), data={"case_question": "Mijn casus?", "expires_after_days": "30"}
    )
    base = run_with_notes(client, world, (0, "Geheime cultuurkaart."))
    iw.login(client, world, "plain")
    client.post(f"{base}/edit", data={"text": "Geheime cultuurkaart, aangevuld.\n", "base": "1"})
    assert found(client, world, "plain", "cultuurkaart")
    with app.app_context():
        session = db.session.get(Session, world["session_id"])
        session.started_at = utcnow() - timedelta(days=31)
        db.session.commit()
    iw.login(client, world, "plain")  # due, not yet swept: the minutes are not shown
    assert client.get(base).status_code == 404
    result = runner.invoke(args=["leernet", "expire-cases"])
    assert "case details were removed: 1" in result.output
    with app.app_context():
        minutes = the_minutes(world)
        assert (minutes.text, minutes.head, minutes.state) == ("", 0, "draft")
        assert db.session.scalar(select(func.count(MinutesRevision.id))) == 0
        assert db.session.scalar(select(func.count(MinutesEvent.id))) == 0
        kinds = db.session.scalars(select(SearchDocument.kind)).all()
        assert "minutes" not in kinds
    assert not found(client, world, "plain", "cultuurkaart")
    iw.login(client, world, "plain")
    page = client.get(base).get_data(as_text=True)
    assert "cultuurkaart" not in page and "No minutes yet." in page
    assert "cultuurkaart" not in client.get(f"{base}/history").get_data(as_text=True)


def test_a_due_case_is_hidden_at_once_and_erased_by_the_next_write(app, client, world):
    run_with_notes(client, world, (0, "Geheime cultuurkaart."))
    with app.app_context():
        session = db.session.get(Session, world["session_id"])
        session.expires_after_days, session.started_at = 1, utcnow() - timedelta(days=2)
        db.session.commit()
    iw.login(client, world, "plain")
    page = client.get(url(world)).get_data(as_text=True)
    assert "have been removed" in page and "cultuurkaart" not in page
    assert not found(client, world, "plain", "cultuurkaart")
    with app.app_context():
        assert "cultuurkaart" in the_minutes(world).text, "a GET wrote nothing"
    iw.login(client, world, "case_bringer")  # a write to the session erases what is due
    client.post(url(world, "/reflection"), data={"reflection": "Later."}, headers=HTMX)
    with app.app_context():
        assert the_minutes(world).text == ""
        assert db.session.get(Session, world["session_id"]).case_removed_at is not None


def test_the_notes_of_a_method_with_rounds_say_which_round(app):
    with app.app_context():
        world = iw.build()
        session = db.session.get(Session, world["session_id"])
        session.plan = {**session.plan, "turns": 2}
        count = len(session.plan["phases"])
        db.session.add(PhaseNote(session_id=session.id, phase=count + 1, text="Tweede ronde."))
        db.session.commit()
        with app.test_request_context():
            text = session_minutes.notes_markdown(session)
    assert re.fullmatch(r"## Sketching the incident \(round 2\)\n\nTweede ronde\.\n", text)


def test_without_notes_the_minute_taker_writes_them_and_the_others_amend(app, client, world):
    base = run_with_notes(client, world)
    with app.app_context():
        minutes = the_minutes(world)
        assert (minutes.state, minutes.head) == ("draft", 0)
    iw.login(client, world, "plain")  # the draft is the minute-taker's: no one else starts it
    assert "Write the minutes" not in client.get(base).get_data(as_text=True)
    refused = client.post(f"{base}/edit", data={"text": "Mijn versie", "base": "0"})
    assert refused.status_code == 409 and "Mijn versie" in refused.get_data(as_text=True)
    iw.login(client, world, "minute_taker")
    assert "Write the minutes" in client.get(base).get_data(as_text=True)
    client.post(f"{base}/edit", data={"text": "Achteraf genoteerd.", "base": "0"})
    assert client.post(f"{base}/share").status_code == 303
    iw.login(client, world, "plain")
    amended = client.post(
        f"{base}/edit", data={"text": "Achteraf genoteerd, aangevuld.", "base": "1"}
    )
    assert amended.status_code == 303
