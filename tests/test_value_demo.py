"""The demo network's value: a year of check-outs and a handful of Dutch stories."""

from sqlalchemy import func, select

from leernet.demo import COORDINATOR_EMAIL, PASSWORD
from leernet.extensions import db
from leernet.meetings.models import Attendance, Meeting
from leernet.value.models import CheckOut, Story


def test_the_demo_dashboard_tells_a_year_of_value(app, runner, client):
    assert runner.invoke(args=["leernet", "demo"]).exit_code == 0
    with app.app_context():
        months = {
            m.strftime("%Y-%m")
            for m in db.session.scalars(
                select(Meeting.starts_at).join(CheckOut, CheckOut.meeting_id == Meeting.id)
            )
        }
        assert len(months) >= 8, "check-outs spread over the year"
        scores = dict(
            db.session.execute(
                select(CheckOut.usefulness, func.count()).group_by(CheckOut.usefulness)
            ).all()
        )
        assert len(scores) >= 3 and max(scores, key=scores.get) == 4
        stray = db.session.scalar(
            select(func.count(CheckOut.id)).where(
                ~select(Attendance.id)
                .where(
                    Attendance.meeting_id == CheckOut.meeting_id,
                    Attendance.user_id == CheckOut.user_id,
                )
                .exists()
            )
        )
        assert stray == 0, "only those who were there checked out"
        stories = db.session.scalars(select(Story)).all()
        assert 6 <= len(stories) <= 10
        assert any(s.in_report for s in stories) and any(s.for_coordinators for s in stories)
        assert sum(1 for s in stories if s.link_id) >= 3
    client.post("/login", data={"email": COORDINATOR_EMAIL, "password": PASSWORD})
    page = client.get("/value/").get_data(as_text=True)
    assert page.count('role="img"') == 6 and "Nog geen" not in page
    assert "Kansen gedeeld" in page  # the notice board's opportunities
    assert "Intervisierollen per lid" in page and "Intervisiesessies" in page
    assert "Intervisies meegedaan" in page  # the coordinator's own journey
    report = client.get("/value/report").get_data(as_text=True)
    assert "De subsidietip uit de netwerkdag leverde ons project op" in report
    assert "Intervisiesessies per methode" in report and "Incidentmethode" in report
