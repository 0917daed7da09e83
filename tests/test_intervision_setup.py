"""Setting up intervision: groups for a meeting, fair roles from history, swaps, methods."""

from datetime import timedelta

from sqlalchemy import select

from leernet.extensions import db
from leernet.intervision import live
from leernet.intervision.models import IntervisionGroup, MethodTemplate, Participant, Session
from leernet.meetings.attendance import check_in
from leernet.timeutil import utcnow

from . import factories
from . import intervision_world as iw
from .conftest import HTMX


def checked_in_meeting(count, days=0):
    """A meeting started half an hour ago (or ``days`` away) with ``count`` people in."""
    host = factories.user("Hanna Host", coordinator=True)
    meeting = factories.meeting("Intervisie", days=days, host=host)
    meeting.starts_at -= timedelta(minutes=30)
    people = [factories.user(f"Lid {n:02d}") for n in range(count)]
    for person in people:
        check_in(meeting, person.id, host, utcnow())
    db.session.commit()
    return host, meeting, people


def login_email(client, email):
    client.post("/logout")
    client.post("/login", data={"email": email, "password": factories.PASSWORD})


def test_groups_for_the_day_are_balanced_with_roles_proposed(app, client, network):
    with app.app_context():
        host, meeting, _people = checked_in_meeting(9)
        email, meeting_id = host.email, meeting.id
    login_email(client, email)
    page = client.get(f"/intervision/meeting/{meeting_id}/new")
    assert page.status_code == 200 and "9 members have checked in." in page.get_data(as_text=True)
    response = client.post(
        f"/intervision/meeting/{meeting_id}/new",
        data={"method": "incident", "grouping": "day", "size": "4", "mix": "y"},
    )
    assert response.status_code == 303
    with app.app_context():
        sessions = db.session.scalars(select(Session).where(Session.meeting_id == meeting_id)).all()
        sizes = sorted(len(s.participants) for s in sessions)
        assert sizes == [4, 5]
        for s in sessions:  # everyone is new: no facilitator, the other roles are filled
            roles = {p.role for p in s.participants} - {None}
            assert roles == {"case_bringer", "timekeeper", "minute_taker"}
    meeting_page = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "Group 1" in meeting_page and "Group 2" in meeting_page


def test_a_group_of_fewer_than_three_is_refused_plainly(app, client, network):
    with app.app_context():
        host, meeting, _people = checked_in_meeting(2)
        email, meeting_id = host.email, meeting.id
    login_email(client, email)
    response = client.post(
        f"/intervision/meeting/{meeting_id}/new",
        data={"method": "gossip", "grouping": "day", "size": "4"},
    )
    assert response.status_code == 422
    assert "a group needs at least 3" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Session.id)) is None


def test_standing_groups_take_their_members_who_checked_in(app, client, network):
    with app.app_context():
        host, meeting, people = checked_in_meeting(3)
        absent = factories.user("Afwezig Lid")
        group = IntervisionGroup(name="Groep Zuid", members=[*people, absent])
        db.session.add(group)
        db.session.commit()
        email, meeting_id, group_id, absent_id = host.email, meeting.id, group.id, absent.id
    login_email(client, email)
    response = client.post(
        f"/intervision/meeting/{meeting_id}/new",
        data={"method": "balint", "grouping": "standing", "groups": str(group_id), "size": "4"},
    )
    assert response.status_code == 303
    with app.app_context():
        session = db.session.scalar(select(Session))
        assert session.name == "Groep Zuid" and session.group_id == group_id
        assert absent_id not in {p.user_id for p in session.participants}
        assert session.plan["phases"][2]["silent"] is True


def run_session(app, meeting_days, people, by):
    """Create a session the way the page does, then start and finish it."""
    from leernet.intervision import catalogue, sessions

    with app.app_context():
        meeting = factories.meeting("Intervisie", days=meeting_days)
        members = [db.session.get(type(by), p) for p in people]
        made = sessions.create(meeting, "Groep", catalogue.get_method("incident"), True, None,
                               [m.id for m in members], None)  # fmt: skip
        sessions.propose_all([made], meeting)
        db.session.commit()
        for action in ("start", "finish"):
            assert live.control(made, action, made.version, utcnow()) is None
            db.session.refresh(made)
        return {p.user_id: p.held_role for p in made.participants}


def test_roles_rotate_fairly_over_the_recorded_history(app, network):
    with app.app_context():
        people = [factories.user(f"Lid {n}") for n in range(5)]
        ids, by = [p.id for p in people], people[0]
    counts = {}
    previous = None
    for number in range(10):
        held = run_session(app, -300 + number * 28, ids, by)
        facilitator = next((m for m, r in held.items() if r == "facilitator"), None)
        if number == 0:
            assert facilitator is None, "a newcomer never facilitates their first session"
        else:
            assert facilitator is not None and facilitator != previous
        previous = facilitator
        for member, role in held.items():
            counts[(member, role)] = counts.get((member, role), 0) + 1
    for role in ("case_bringer", "timekeeper", "minute_taker"):
        held = [counts.get((m, role), 0) for m in ids]
        assert max(held) - min(held) <= 1, (role, held)


def roles_of(app, world):
    with app.app_context():
        rows = db.session.execute(
            select(Participant.role, Participant.user_id).where(
                Participant.session_id == world["session_id"]
            )
        ).all()
        return {role: user for role, user in rows if role}


def test_facilitator_swaps_roles_and_others_may_not(app, client, world):
    url = f"/intervision/{world['session_id']}/roles"
    iw.login(client, world, "plain")
    assert client.post(url, data={"do": "propose"}).status_code == 403
    iw.login(client, world, "facilitator")
    plain = world["ids"]["plain"]
    response = client.post(
        url, data={"do": "assign", "role": "timekeeper", "member": plain}, headers=HTMX
    )
    assert response.status_code == 200 and "Roles changed." in response.get_data(as_text=True)
    assert roles_of(app, world)["timekeeper"] == plain
    # the one rule never broken: handing a role to someone who has one swaps them
    client.post(url, data={"do": "assign", "role": "minute_taker", "member": plain})
    roles = roles_of(app, world)
    assert roles["minute_taker"] == plain and roles["timekeeper"] == world["ids"]["minute_taker"]
    bad = client.post(url, data={"do": "assign", "role": "chair", "member": plain}, headers=HTMX)
    assert bad.status_code == 422
    outsider = world["ids"]["outsider"]
    bad = client.post(url, data={"do": "assign", "role": "timekeeper", "member": outsider})
    assert bad.status_code == 303 and roles_of(app, world) == roles


def test_volunteer_and_pass_repropose_until_roles_are_set_by_hand(app, client, world):
    me = f"/intervision/{world['session_id']}/me"
    iw.login(client, world, "plain")
    assert client.post(me, data={"choice": "volunteer"}).status_code == 303
    assert roles_of(app, world)["case_bringer"] == world["ids"]["plain"]
    page = client.get(f"/intervision/{world['session_id']}").get_data(as_text=True)
    assert "Volunteered to bring a case." in page
    assert client.post(me, data={"choice": "pass"}).status_code == 303
    assert world["ids"]["plain"] not in roles_of(app, world).values()
    assert client.post(me, data={"choice": "maybe"}).status_code == 400


def test_roles_are_fixed_once_the_session_runs(app, client, world):
    iw.login(client, world, "facilitator")
    client.post(f"/intervision/{world['session_id']}/timer", data={"action": "start", "version": 0})
    response = client.post(
        f"/intervision/{world['session_id']}/roles", data={"do": "propose"}, headers=HTMX
    )
    assert response.status_code == 409 and "roles are fixed" in response.get_data(as_text=True)


def test_add_and_remove_people_before_the_start(app, client, world):
    with app.app_context():
        host = factories.user("Laat Binnen")
        from leernet.meetings.models import Meeting

        check_in(db.session.get(Meeting, world["meeting_id"]), host.id, host, utcnow())
        db.session.commit()
        late = host.id
    url = f"/intervision/{world['session_id']}/roles"
    iw.login(client, world, "coordinator")
    assert "Laat Binnen" in client.get(f"/intervision/{world['session_id']}").get_data(True)
    assert client.post(url, data={"do": "add", "member": late}).status_code == 303
    assert client.post(url, data={"do": "add", "member": late}, headers=HTMX).status_code == 422
    assert client.post(url, data={"do": "remove", "member": late}).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Participant).where(Participant.user_id == late)) is None


def test_methods_copy_edit_and_validation(app, client, world):
    iw.login(client, world, "coordinator")
    assert "Compact intervision" in client.get("/intervision/methods/").get_data(as_text=True)
    response = client.post("/intervision/methods/incident/copy")
    assert response.status_code == 303
    edit = response.headers["Location"]
    form = {"name": "Korte incidentmethode", "roles": ["facilitator", "case_bringer"],
            "turns": "1"}  # fmt: skip
    empty = client.post(edit, data=form)
    assert empty.status_code == 422 and "Add at least one phase." in empty.get_data(as_text=True)
    long = client.post(edit, data={**form, "phases-0-name": "Ronde", "phases-0-minutes": "600"})
    assert "Phase 1 must last between 1 and 120 minutes." in long.get_data(as_text=True)
    zero = client.post(edit, data={**form, "phases-0-name": "Ronde", "phases-0-minutes": "0"})
    assert zero.status_code == 422
    no_case = {**form, "roles": ["facilitator"], "phases-0-name": "Ronde", "phases-0-minutes": "5"}
    assert "needs a case-bringer" in client.post(edit, data=no_case).get_data(as_text=True)
    ok = client.post(edit, data={**form, "phases-0-name": "Ronde", "phases-0-minutes": "20",
                                 "phases-0-silent": "y", "phases-1-name": "Slot",
                                 "phases-1-minutes": "5"})  # fmt: skip
    assert ok.status_code == 303
    with app.app_context():
        template = db.session.scalar(select(MethodTemplate))
        assert [p["minutes"] for p in template.phases] == [20, 5]
        assert template.phases[0]["silent"] and template.based_on == "incident"
    iw.login(client, world, "plain")
    assert client.post("/intervision/methods/incident/copy").status_code == 403


def test_editing_a_method_never_disturbs_a_session_that_uses_it(app, world):
    from leernet.intervision import sessions
    from leernet.intervision.plans import Plan

    with app.app_context():
        template = MethodTemplate(name="Eigen", roles=["case_bringer"], phases=[
            {"name": "Een", "minutes": 10}, {"name": "Twee", "minutes": 5}])  # fmt: skip
        db.session.add(template)
        db.session.flush()
        meeting = db.session.get(Session, world["session_id"]).meeting
        made = sessions.create(meeting, "Groep 2", template.to_method(), False, template,
                               [world["ids"]["outsider"]], None)  # fmt: skip
        db.session.commit()
        template.phases = [{"name": "Anders", "minutes": 60}]
        db.session.commit()
        db.session.expire_all()
        plan = Plan(db.session.get(Session, made.id).plan)
        assert plan.durations == [600, 300] and plan.phase(1).name == "Twee"
