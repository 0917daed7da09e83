"""Closing: on access and by cron, exactly once, and immutable afterwards."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from leernet.decisions import service
from leernet.decisions.models import Decision, DecisionVersion, Stance
from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.members.accounts import set_active
from leernet.members.models import User
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as


def user(people, who):
    return db.session.get(User, people[who][0])


def make(app, people, who="coordinator", **fields):
    with app.app_context():
        return factories.decision(user(people, who), **fields).id


def past_closing(app, decision_id):
    with app.app_context():
        db.session.get(Decision, decision_id).closes_at = utcnow() - timedelta(minutes=1)
        db.session.commit()


def snapshot(decision_id):
    """Everything about a decision that must not change once it has closed."""
    db.session.expire_all()
    d = db.session.get(Decision, decision_id)
    stances = db.session.execute(
        select(Stance.member_id, Stance.kind, Stance.reason, Stance.version, Stance.updated_at)
        .where(Stance.decision_id == decision_id)
        .order_by(Stance.member_id)
    ).all()
    versions = db.session.execute(
        select(DecisionVersion.number, DecisionVersion.proposal).where(
            DecisionVersion.decision_id == decision_id
        )
    ).all()
    row = (
        d.status,
        d.outcome,
        d.final_tally,
        d.proposal,
        d.version,
        d.revision,
        d.closed_at,
        d.resolution,
        d.weighing,
        d.title,
    )
    return row, stances, versions


def test_a_due_decision_closes_on_access_with_its_final_tally(app, client, people):
    decision_id = make(app, people)
    login_as(client, people, "member")
    client.post(f"/decisions/{decision_id}/stance", data={"kind": "objection", "reason": "Nee"})
    past_closing(app, decision_id)
    login_as(client, people, "other")
    page = client.get(f"/decisions/{decision_id}").text
    assert "Not adopted: an objection stands" in page and "Final tally" in page
    with app.app_context():
        decision = db.session.get(Decision, decision_id)
        assert decision.status == "closed" and decision.outcome == "objected"
        assert decision.final_tally == {
            "counts": {"agree": 0, "no_objection": 0, "objection": 1},
            "participants": 1,
            "active_members": 3,
            "earlier_version": 0,
        }
        notice = db.session.scalar(select(OutboxMessage))
        assert (notice.kind, notice.user_id) == ("decision_closed", people["coordinator"][0])


def test_a_stance_at_the_closing_time_is_refused_and_not_counted(app, client, people):
    decision_id = make(app, people)
    past_closing(app, decision_id)
    login_as(client, people, "member")
    response = client.post(f"/decisions/{decision_id}/stance", data={"kind": "agree"})
    assert response.status_code == 409 and "has closed" in response.text
    with app.app_context():
        assert db.session.scalar(select(func.count(Stance.id))) == 0
        assert db.session.get(Decision, decision_id).final_tally["participants"] == 0


def test_the_log_closes_due_decisions(app, client, people):
    due = make(app, people, closes_in=timedelta(seconds=-5))
    login_as(client, people, "member")
    assert "Adopted" in client.get("/decisions/").text
    with app.app_context():
        assert db.session.get(Decision, due).outcome == "adopted"


def test_cron_closes_exactly_the_due_ones_once(app, runner, people):
    with app.app_context():
        proposer = user(people, "coordinator")
        due = factories.decision(proposer, "Verlopen", closes_in=timedelta(minutes=-1))
        factories.stance(due, user(people, "member"), "objection", "Nee")
        long_due = factories.decision(proposer, "Lang verlopen", closes_in=timedelta(days=-9))
        running = factories.decision(proposer, "Loopt nog", closes_in=timedelta(days=2))
        soon = factories.decision(proposer, "Bijna dicht", closes_in=timedelta(hours=3))
        factories.stance(soon, user(people, "member"), "agree")
        draft = factories.decision(proposer, status="draft", closes_in=timedelta(days=-1))
        gone = factories.decision(proposer, status="withdrawn", closes_in=timedelta(days=-1))
        closed = factories.decision(
            proposer, status="closed", outcome="adopted", closes_in=timedelta(days=-3)
        )
        ids = [d.id for d in (due, long_due, running, soon, draft, gone, closed)]
    first = runner.invoke(args=["leernet", "close-decisions"])
    assert first.exit_code == 0, first.output
    assert "Decisions closed: 2; closing-soon notices sent: 1" in first.output
    again = runner.invoke(args=["leernet", "close-decisions"])
    assert "Decisions closed: 0; closing-soon notices sent: 0" in again.output
    with app.app_context():
        rows = {d.id: d for d in db.session.scalars(select(Decision))}
        states = [(rows[i].status, rows[i].outcome) for i in ids]
        assert states == [
            ("closed", "objected"),
            ("closed", "adopted"),
            ("open", None),
            ("open", None),
            ("draft", None),
            ("withdrawn", None),
            ("closed", "adopted"),
        ]
        notices = db.session.execute(
            select(OutboxMessage.kind, OutboxMessage.user_id).order_by(OutboxMessage.id)
        ).all()
    closing = sorted(uid for kind, uid in notices if kind == "decision_closing")
    assert closing == sorted([people["coordinator"][0], people["other"][0]]), "not who took part"
    assert [kind for kind, _ in notices].count("decision_closed") == 2


def test_closing_is_idempotent(app, people):
    decision_id = make(app, people)
    with app.test_request_context():
        decision = db.session.get(Decision, decision_id)
        now = utcnow()
        assert service.close(decision, now) is True
        db.session.commit()
        assert service.close(decision, now) is False
        db.session.commit()
        assert db.session.scalar(select(func.count(OutboxMessage.id))) == 1


def test_two_closers_racing_close_once(app, people):
    decision_id = make(app, people, closes_in=timedelta(seconds=-1))
    barrier = threading.Barrier(2)
    results = []

    def closer():
        with app.test_request_context():
            decision = db.session.get(Decision, decision_id)
            barrier.wait()
            results.append(service.close(decision, utcnow()))
            db.session.commit()
            db.session.remove()

    threads = [threading.Thread(target=closer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert sorted(results) == [False, True]
    with app.app_context():
        assert db.session.scalar(select(func.count(OutboxMessage.id))) == 1


def test_two_quick_clicks_store_one_stance(app, people):
    decision_id = make(app, people)
    barrier = threading.Barrier(2)
    statuses = []

    def click(kind):
        client = app.test_client()
        login_as(client, people, "member")
        token = client.csrf_token()
        barrier.wait()
        response = client.post(
            f"/decisions/{decision_id}/stance", data={"kind": kind, "csrf_token": token}, csrf=False
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=click, args=(k,)) for k in ("agree", "no_objection")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert statuses == [303, 303]
    with app.app_context():
        kinds = db.session.scalars(select(Stance.kind)).all()
        assert len(kinds) == 1 and kinds[0] in ("agree", "no_objection")
        assert db.session.get(Decision, decision_id).revision == 2


def test_the_database_refuses_a_second_stance_row(app, people):
    decision_id = make(app, people)
    with app.app_context():
        member = user(people, "member")
        for kind in ("agree", "objection"):
            db.session.add(Stance(decision_id=decision_id, member_id=member.id, kind=kind))
        with pytest.raises(IntegrityError):
            db.session.commit()


def test_a_deactivated_member_cannot_take_a_stance(app, people):
    decision_id = make(app, people)
    with app.app_context():
        member = user(people, "member")
        set_active(member, False)
        db.session.commit()
        decision = db.session.get(Decision, decision_id)
        with pytest.raises(service.DecisionError, match="deactivated"):
            service.cast(decision, member, "agree", "", utcnow())


def test_a_deactivated_members_objection_no_longer_stands(app, people):
    decision_id = make(app, people)
    with app.app_context():
        member = user(people, "member")
        factories.stance(db.session.get(Decision, decision_id), member, "objection", "Nee")
        set_active(member, False)
        db.session.commit()
        decision = db.session.get(Decision, decision_id)
        service.close(decision, utcnow(), notify=False)
        assert decision.outcome == "adopted" and decision.final_tally["active_members"] == 2


SAMPLE_FORM = {
    "kind": "agree",
    "reason": "Toch anders",
    "proposal": "Nieuwe tekst",
    "note": "Veranderd",
    "result": "rejected",
    "resolution": "Anders besloten",
    "weighing": "Zo",
    "title": "Nieuwe titel",
    "method": "majority",
    "closes_at": "2030-01-01T10:00",
    "action": "open",
}


@pytest.mark.parametrize("final", ["closed", "withdrawn"])
@pytest.mark.parametrize("who", ["coordinator", "member", "other"])
def test_no_route_changes_a_decision_once_closed_or_withdrawn(app, client, people, final, who):
    """Walk every decisions route with this decision's id, as proposer and others."""
    decision_id = make(app, people, method="advice" if final == "closed" else "consent")
    with app.test_request_context():
        decision = db.session.get(Decision, decision_id)
        factories.stance(decision, user(people, "other"), "concern", "Pas op")
        if final == "closed":
            service.close(decision, utcnow())
        else:
            service.withdraw(decision, user(people, "coordinator"), utcnow())
        db.session.commit()
        before = snapshot(decision_id)
    login_as(client, people, who)
    walked = 0
    for method in ("POST", "GET"):
        for endpoint, url in decision_routes(app, decision_id, method):
            response = client.post(url, data=SAMPLE_FORM) if method == "POST" else client.get(url)
            walked += 1
            if method == "GET" and endpoint == "decisions.detail":
                assert response.status_code == 200
                continue
            assert response.status_code == 409, f"{method} {url}: {response.status_code}"
            assert ("has closed" in response.text) or ("withdrawn" in response.text), url
    assert walked >= 9
    with app.app_context():
        assert snapshot(decision_id) == before


def decision_routes(app, decision_id, method):
    """Every route of one decision (found in the URL map, so new routes are walked too)."""
    for rule in app.url_map.iter_rules():
        if rule.arguments == {"decision_id"} and method in rule.methods:
            yield rule.endpoint, rule.build({"decision_id": decision_id})[1]
