"""The demo network's intervision: standing groups, a year of sessions, one running now."""

from sqlalchemy import func, select

from leernet.demo import COORDINATOR_EMAIL, PASSWORD
from leernet.extensions import db
from leernet.intervision.models import Commitment, IntervisionGroup, Participant, Session


def test_demo_has_a_year_of_rotated_sessions_and_one_running_now(app, runner, client):
    assert runner.invoke(args=["leernet", "demo"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count(IntervisionGroup.id))) == 3
        finished = db.session.scalar(select(func.count()).where(Session.status == "finished"))
        assert finished >= 10
        facilitators = db.session.scalars(
            select(Participant.user_id).where(Participant.held_role == "facilitator")
        ).all()
        assert len(set(facilitators)) >= 8, "the role rotates"
        reported = select(func.count()).where(Commitment.report_status.is_not(None))
        assert db.session.scalar(reported) >= 5
        running = db.session.scalar(select(Session).where(Session.status == "running"))
        running_id = running.id
    client.post("/login", data={"email": COORDINATOR_EMAIL, "password": PASSWORD})
    home = client.get("/").get_data(as_text=True)
    assert 'id="card-intervision"' in home and f"/intervision/{running_id}" in home
    live = client.get(f"/intervision/{running_id}").get_data(as_text=True)
    assert 'data-status="running"' in live and "data-deadline=" in live


def test_bulk_sessions_for_the_benchmark(app, network, client):
    from bench.bulk import bulk_sessions

    from . import factories

    with app.app_context():
        people = [factories.user(f"Lid {n}") for n in range(8)]
        meetings = [factories.meeting("Intervisie", days=-d) for d in (30, 60)]
        ids = bulk_sessions([m.id for m in meetings], [p.id for p in people], 40)
        running = bulk_sessions([meetings[0].id], [p.id for p in people], 1, status="running")
        db.session.commit()
        assert len(ids) == 40 and db.session.scalar(select(func.count(Participant.id))) == 205
        session_id = running[0]
        member = db.session.scalar(
            select(Participant.user_id).where(Participant.session_id == session_id)
        )
        email = db.session.get(type(people[0]), member).email
    client.post("/login", data={"email": email, "password": "een lang wachtwoord"})
    assert "Lid" in client.get("/intervision/history").get_data(as_text=True)
    assert client.get(f"/intervision/{session_id}/state?v=1").status_code == 204
