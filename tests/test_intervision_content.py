"""The case and its aftermath: confidential to participants, notes, reflection, follow-up,
expiry; and where intervision shows up (home card, meeting page, history, export)."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from leernet.extensions import db
from leernet.intervision.models import Commitment, PhaseNote, Session
from leernet.timeutil import utcnow

from . import factories
from . import intervision_world as iw
from .conftest import HTMX
from .intervision_world import control, url
from .queries import counting

CASE = "Hoe zeg ik nee tegen mijn grootste opdrachtgever?"


def test_the_case_is_for_participants_only(app, client, world):
    iw.login(client, world, "plain")
    assert client.post(url(world, "/case"), data={"case_question": CASE}).status_code == 403
    iw.login(client, world, "case_bringer")
    saved = client.post(url(world, "/case"), data={"case_question": CASE}, headers=HTMX)
    assert saved.status_code == 200 and "Your case question is saved." in saved.get_data(True)
    iw.login(client, world, "plain")
    assert CASE in client.get(url(world)).get_data(as_text=True)
    iw.login(client, world, "coordinator")  # may see the session and run it, not read it
    page = client.get(url(world)).get_data(as_text=True)
    assert CASE not in page and "The case is confidential" in page
    assert "Start the session" in page
    iw.login(client, world, "outsider")
    assert client.get(url(world)).status_code == 403
    assert client.get(url(world, "/state?v=0")).status_code == 403


def test_the_case_bringer_sees_the_calm_view_in_a_silent_phase(app, client):
    with app.app_context():
        world = iw.build(method="gossip")
    iw.login(client, world, "facilitator")
    control(client, world, "start")
    for _ in range(3):
        control(client, world, "next")
    iw.login(client, world, "case_bringer")
    away = client.get(url(world)).get_data(as_text=True)
    assert "Turn away and listen" in away and "turned-away" in away
    iw.login(client, world, "plain")
    others = client.get(url(world)).get_data(as_text=True)
    assert "Turn away and listen" not in others and "Cas Casus turns away" in others


def test_minute_taker_notes_autosave_per_phase(app, client, world):
    iw.login(client, world, "facilitator")
    control(client, world, "start")
    iw.login(client, world, "minute_taker")
    page = client.get(url(world)).get_data(as_text=True)
    assert 'hx-trigger="input changed delay:800ms, save"' in page
    saved = client.post(url(world, "/notes/0"), data={"text": "Drie incidenten."}, headers=HTMX)
    assert saved.status_code == 200 and saved.get_data(as_text=True).startswith("Saved at")
    client.post(url(world, "/notes/0"), data={"text": "Twee incidenten."}, headers=HTMX)
    assert client.post(url(world, "/notes/99"), data={"text": "x"}).status_code == 404
    with app.app_context():
        notes = db.session.scalars(select(PhaseNote)).all()
        assert [(n.phase, n.text) for n in notes] == [(0, "Twee incidenten.")]
    iw.login(client, world, "plain")
    assert client.post(url(world, "/notes/0"), data={"text": "x"}).status_code == 403
    iw.login(client, world, "facilitator")
    control(client, world, "finish")
    iw.login(client, world, "plain")
    assert "Twee incidenten." in client.get(url(world)).get_data(as_text=True)
    iw.login(client, world, "coordinator")
    assert "Twee incidenten." not in client.get(url(world)).get_data(as_text=True)


def test_reflection_then_follow_up_at_the_next_session_of_the_group(app, client, world):
    iw.login(client, world, "case_bringer")
    early = client.post(url(world, "/reflection"), data={"action": "x"}, headers=HTMX)
    assert early.status_code == 409
    iw.login(client, world, "facilitator")
    control(client, world, "start")
    control(client, world, "finish")
    iw.login(client, world, "case_bringer")
    said = {"reflection": "Ik zag mijn patroon.", "action": "Nee zeggen."}
    response = client.post(url(world, "/reflection"), headers=HTMX, data=said)
    assert response.status_code == 200 and "Nee zeggen." in response.get_data(as_text=True)
    with app.app_context():
        first = db.session.get(Session, world["session_id"])
        group = factories_group(first)
        later = factories.meeting("Intervisie", days=28)
        members = [p.user for p in first.participants]
        second = factories.intervision(later, members, group_id=group)
        second_id, commitment_id = second.id, db.session.scalar(select(Commitment.id))
    next_page = f"/intervision/{second_id}"
    iw.login(client, world, "plain")
    page = client.get(next_page).get_data(as_text=True)
    assert "Follow-up from last time" in page and "Nee zeggen." in page
    report = f"{next_page}/followup/{commitment_id}"
    assert client.post(report, data={"status": "done"}).status_code == 403
    iw.login(client, world, "case_bringer")
    assert client.post(report, data={"status": "maybe"}).status_code in (303, 422)
    ok = client.post(report, data={"status": "partly", "note": "Eén keer gelukt."})
    assert ok.status_code == 303
    assert "Eén keer gelukt." in client.get(next_page).get_data(as_text=True)
    with app.app_context():
        item = db.session.get(Commitment, commitment_id)
        assert (item.report_status, item.report_session_id) == ("partly", second_id)


def factories_group(session):
    from leernet.intervision.models import IntervisionGroup

    group = IntervisionGroup(name="Groep West", members=[p.user for p in session.participants])
    db.session.add(group)
    session.group_id = None
    db.session.flush()
    session.group = group
    db.session.commit()
    return group.id


def test_case_details_expire_and_show_as_removed(app, client, world, runner):
    iw.login(client, world, "case_bringer")
    client.post(url(world, "/case"), data={"case_question": CASE, "expires_after_days": "30"})
    iw.login(client, world, "facilitator")
    control(client, world, "start")
    iw.login(client, world, "minute_taker")
    client.post(url(world, "/notes/0"), data={"text": "Geheim."})
    with app.app_context():
        session = db.session.get(Session, world["session_id"])
        assert session.expires_after_days == 30
        session.started_at = utcnow() - timedelta(days=31)
        db.session.commit()
    result = runner.invoke(args=["leernet", "expire-cases"])
    assert "case details were removed: 1" in result.output
    with app.app_context():
        session = db.session.get(Session, world["session_id"])
        assert session.case_question == "" and session.case_removed_at is not None
        assert db.session.scalar(select(PhaseNote.text)) == ""


def test_expiry_is_also_checked_on_access(app, client, world):
    with app.app_context():
        session = db.session.get(Session, world["session_id"])
        session.case_question, session.expires_after_days = CASE, 1
        session.status, session.started_at = "finished", utcnow() - timedelta(days=2)
        session.finished_at = session.started_at + timedelta(hours=1)
        db.session.commit()
    iw.login(client, world, "plain")
    page = client.get(url(world)).get_data(as_text=True)
    assert CASE not in page and "have been removed" in page


def test_home_card_meeting_page_and_index_show_my_session(app, client, world):
    iw.login(client, world, "minute_taker")
    home = client.get("/").get_data(as_text=True)
    assert 'id="card-intervision"' in home and "Your role: minute-taker" in home
    meeting = client.get(f"/meetings/{world['meeting_id']}").get_data(as_text=True)
    assert "your group" in meeting and url(world) in meeting
    assert url(world) in client.get("/intervision/").get_data(as_text=True)
    iw.login(client, world, "outsider")
    assert 'id="card-intervision"' not in client.get("/").get_data(as_text=True)
    meeting = client.get(f"/meetings/{world['meeting_id']}").get_data(as_text=True)
    assert "Groep 1" in meeting and url(world) not in meeting


def test_history_page_counts_what_was_held(app, client, world):
    iw.login(client, world, "facilitator")
    control(client, world, "start")
    page = client.get("/intervision/history").get_data(as_text=True)
    row = page.split("Fien Faciliteert")[1].split("</tr>")[0]
    assert row.count("<td>1<span") == 1  # facilitated once, nothing else


def test_export_holds_my_roles_cases_and_commitments(app, client, world):
    iw.login(client, world, "case_bringer")
    client.post(url(world, "/case"), data={"case_question": CASE})
    with app.app_context():
        from leernet.members.export import collect
        from leernet.members.models import User

        data = collect(db.session.get(User, world["ids"]["case_bringer"]))["intervision"]
        json.dumps(data)
    assert data["sessions"][0]["case_question"] == CASE
    assert data["sessions"][0]["role"] == "case_bringer"


@pytest.mark.parametrize("who", ["facilitator", "minute_taker", "coordinator"])
def test_session_pages_stay_within_the_query_budget(app, client, world, who):
    iw.login(client, world, who)
    for action in (None, "start"):
        if action:
            iw.login(client, world, "facilitator")
            control(client, world, action)
            iw.login(client, world, who)
        for path in (url(world), "/intervision/", "/intervision/history",
                     f"/meetings/{world['meeting_id']}", "/"):  # fmt: skip
            client.get(path)
            with counting(app) as statements:
                assert client.get(path).status_code == 200
            assert len(statements) <= 12, (path, len(statements))


def test_xss_in_the_case_and_notes_comes_back_escaped(app, client, world):
    evil = '<script>alert("xss")</script>'
    iw.login(client, world, "case_bringer")
    client.post(url(world, "/case"), data={"case_question": evil})
    iw.login(client, world, "facilitator")
    control(client, world, "start")
    iw.login(client, world, "minute_taker")
    client.post(url(world, "/notes/0"), data={"text": evil})
    iw.login(client, world, "facilitator")
    control(client, world, "finish")
    iw.login(client, world, "case_bringer")
    client.post(url(world, "/reflection"), data={"reflection": evil, "action": evil})
    page = client.get(url(world)).get_data(as_text=True)
    assert evil not in page and "&lt;script&gt;" in page


def test_a_first_time_facilitator_gets_a_briefing_before_the_start(app, client, world):
    iw.login(client, world, "facilitator")
    page = client.get(url(world)).get_data(as_text=True)
    assert "Your briefing as facilitator" in page and "The controls" in page
    assert "Prefer an incident that is recent" in page  # the first phase's tip
    iw.login(client, world, "plain")
    assert "Your briefing as facilitator" not in client.get(url(world)).get_data(as_text=True)
