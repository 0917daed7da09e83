"""Standing groups: coordinators keep them; a group of one or two is refused plainly."""

from datetime import timedelta

from sqlalchemy import select

from leernet.extensions import db
from leernet.intervision.models import IntervisionGroup, Session
from leernet.meetings.attendance import check_in
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as


def test_coordinator_makes_and_changes_a_standing_group(app, client, network):
    with app.app_context():
        coordinator = factories.user("Anouk Coördinator", coordinator=True)
        people = [factories.user(f"Lid {n}") for n in range(4)]
        email, ids = coordinator.email, [p.id for p in people]
    login_as(client, email)
    one = client.post("/intervision/groups/new", data={"name": "Solo", "members": [ids[0]]})
    assert one.status_code == 422
    assert "A group needs at least 3 members." in one.get_data(as_text=True)
    made = client.post("/intervision/groups/new", data={"name": "Noord", "members": ids[:3],
                                                          "active": "y"})  # fmt: skip
    assert made.status_code == 303
    with app.app_context():
        group = db.session.scalar(select(IntervisionGroup))
        group_id = group.id
        assert sorted(u.id for u in group.members) == sorted(ids[:3])
    edit = client.post(f"/intervision/groups/{group_id}/edit", data={"name": "Noord",
                                                                      "members": ids})  # fmt: skip
    assert edit.status_code == 303
    listing = client.get("/intervision/groups/").get_data(as_text=True)
    assert "Noord" in listing and "Lid 3" in listing and "inactive" in listing
    login_as(client, factories_email(app, ids[0]))
    assert client.get("/intervision/groups/").status_code == 200
    assert client.post("/intervision/groups/new", data={"name": "X"}).status_code == 403


def factories_email(app, user_id):
    from leernet.members.models import User

    with app.app_context():
        return db.session.get(User, user_id).email


def test_a_standing_group_with_two_people_here_is_refused_plainly(app, client, network):
    with app.app_context():
        host = factories.user("Hanna Host", coordinator=True)
        people = [factories.user(f"Lid {n}") for n in range(4)]
        meeting = factories.meeting("Intervisie", days=0)
        meeting.starts_at -= timedelta(minutes=30)
        for person in people[:2]:
            check_in(meeting, person.id, host, utcnow())
        check_in(meeting, host.id, host, utcnow())
        group = IntervisionGroup(name="Groep Zuid", members=people)
        db.session.add(group)
        db.session.commit()
        email, meeting_id, group_id = host.email, meeting.id, group.id
    login_as(client, email)
    response = client.post(
        f"/intervision/meeting/{meeting_id}/new",
        data={"method": "incident", "grouping": "standing", "groups": group_id, "size": "4"},
    )
    assert response.status_code == 422
    assert "Groep Zuid has only 2 members here" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Session.id)) is None
