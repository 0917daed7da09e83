"""Proposing, taking stances, amending, advice, the log, the home card and the export."""

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from leernet.admin.models import Network
from leernet.decisions.models import Decision, DecisionVersion, Stance
from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.members.models import User
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as


def local(delta):
    """A ``datetime-local`` value ``delta`` from now, in the network's zone (Amsterdam)."""
    from zoneinfo import ZoneInfo

    return (utcnow() + delta).astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%Y-%m-%dT%H:%M")


def proposal(**changes):
    data = {
        "title": "Koffie voortaan fairtrade",
        "proposal": "We kopen **alleen** fairtrade koffie.",
        "background": "Zie [de keurmerken](https://example.org/keurmerken).",
        "method": "consent",
        "closes_at": local(timedelta(days=3)),
        "review_on": "",
        "quorum": "50",
        "threshold": "simple",
        "action": "open",
    }
    data.update(changes)
    return data


def get(model_id, model=Decision):
    db.session.expire_all()
    return db.session.get(model, model_id)


def user(people, who):
    return db.session.get(User, people[who][0])


def open_decision(app, people, who="coordinator", **fields):
    with app.app_context():
        return factories.decision(user(people, who), **fields).id


def test_draft_is_private_then_opens_and_notifies_every_other_member(app, client, people):
    login_as(client, people, "member")
    response = client.post("/decisions/new", data=proposal(action="draft", proposal=""))
    assert response.status_code == 303
    with app.app_context():
        draft = db.session.scalar(select(Decision))
        assert draft.status == "draft" and draft.proposer_id == people["member"][0]
        assert db.session.scalar(select(func.count(OutboxMessage.id))) == 0
    assert "Koffie voortaan fairtrade" in client.get("/decisions/").get_data(as_text=True)
    login_as(client, people, "other")
    assert client.get(f"/decisions/{draft.id}").status_code == 404
    assert "Koffie" not in client.get("/decisions/").get_data(as_text=True)

    login_as(client, people, "member")
    empty = client.post(f"/decisions/{draft.id}/edit", data=proposal(proposal=""))
    assert empty.status_code == 422 and "Please write the proposal itself" in empty.text
    opened = client.post(f"/decisions/{draft.id}/edit", data=proposal())
    assert opened.status_code == 303
    with app.app_context():
        decision = get(draft.id)
        assert decision.status == "open" and decision.opened_at is not None
        assert [v.number for v in decision.versions] == [1]
        messages = db.session.scalars(select(OutboxMessage)).all()
        told = sorted((m.kind, m.user_id) for m in messages)
        others = sorted(people[who][0] for who in ("coordinator", "other"))
        assert told == [("decision_opened", who) for who in others]
        assert f"/decisions/{draft.id}" in messages[0].link
    page = client.get(f"/decisions/{draft.id}").text
    assert "<strong>alleen</strong>" in page and 'href="https://example.org/keurmerken"' in page
    assert client.get(f"/decisions/{draft.id}/edit").status_code == 409


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"closes_at": local(timedelta(hours=-1))}, "This closing time has already passed"),
        ({"closes_at": ""}, "Please choose when the decision closes"),
        ({"closes_at": local(timedelta(days=400))}, "within a year"),
        ({"quorum": "150", "method": "majority"}, "use a number from 0 to 100"),
        ({"quorum": "-5", "action": "draft"}, "use a number from 0 to 100"),
        ({"title": "  "}, "Please fill this in"),
        ({"review_on": (utcnow() - timedelta(days=1)).date().isoformat()}, "after the closing"),
        ({"closes_at": "0001-01-01T00:00", "action": "draft"}, "within a year"),
        ({"review_on": "9999-12-31", "action": "draft"}, "within the next few years"),
        ({"closes_at": "2026-02-30T10:00"}, "Not a valid datetime"),
    ],
)
def test_bad_proposals_get_clear_messages_and_keep_the_text(client, people, changes, message):
    login_as(client, people, "member")
    response = client.post("/decisions/new", data=proposal(**changes))
    assert response.status_code == 422
    assert message in response.text
    assert "fairtrade koffie" in response.text, "what was typed comes back"


def test_objection_needs_a_reason_and_one_stance_per_member(app, client, people):
    decision_id = open_decision(app, people)
    login_as(client, people, "member")
    url = f"/decisions/{decision_id}/stance"
    bare = client.post(url, data={"kind": "objection", "reason": " "})
    assert bare.status_code == 422 and "An objection needs a reason" in bare.text
    assert client.post(url, data={"kind": "maybe"}).status_code == 422
    assert client.post(url, data={"kind": "objection", "reason": "Te duur"}).status_code == 303
    assert client.post(url, data={"kind": "agree", "reason": ""}).status_code == 303
    with app.app_context():
        stances = db.session.scalars(select(Stance)).all()
        assert [(s.kind, s.reason) for s in stances] == [("agree", "")]
    page = client.get(f"/decisions/{decision_id}").text
    assert "You said: Agree" in page and "Bram Lid" in page


def test_everyone_sees_tally_and_reasons_with_names(app, client, people):
    decision_id = open_decision(app, people)
    login_as(client, people, "member")
    client.post(f"/decisions/{decision_id}/stance", data={"kind": "objection", "reason": "Te duur"})
    login_as(client, people, "other")
    page = client.get(f"/decisions/{decision_id}").text
    assert "Bram Lid" in page and "Te duur" in page
    assert "1 of 3 active members took part." in page
    assert "Not adopted: an objection stands" in page, "the outcome if it closed now"


def test_anonymous_tallies_hide_names_until_closing(app, client, people):
    with app.app_context():
        db.session.scalar(select(Network)).anonymous_tallies = True
        db.session.commit()
    decision_id = open_decision(app, people)
    login_as(client, people, "member")
    client.post(f"/decisions/{decision_id}/stance", data={"kind": "objection", "reason": "Te duur"})
    assert "Bram Lid" in client.get(f"/decisions/{decision_id}").text, "one's own name"
    login_as(client, people, "other")
    page = client.get(f"/decisions/{decision_id}").text
    assert "Bram Lid" not in page and "Te duur" in page and "A member" in page
    with app.app_context():
        get(decision_id).closes_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert "Bram Lid" in client.get(f"/decisions/{decision_id}").text


def test_amending_asks_objectors_to_look_again(app, client, people):
    decision_id = open_decision(app, people)
    login_as(client, people, "member")
    client.post(f"/decisions/{decision_id}/stance", data={"kind": "objection", "reason": "Te duur"})
    login_as(client, people, "other")
    client.post(f"/decisions/{decision_id}/stance", data={"kind": "agree"})
    assert client.post(f"/decisions/{decision_id}/amend", data={}).status_code == 403
    login_as(client, people, "coordinator")
    assert client.post(f"/decisions/{decision_id}/amend", data={"proposal": "x"}).status_code == 422
    response = client.post(
        f"/decisions/{decision_id}/amend",
        data={"proposal": "We kopen fairtrade koffie, tenzij de zaal die levert.", "note": "Zaal"},
    )
    assert response.status_code == 303
    with app.app_context():
        decision = get(decision_id)
        assert decision.version == 2 and "tenzij" in decision.proposal
        assert [v.number for v in decision.versions] == [2, 1]
        asked = db.session.scalars(select(OutboxMessage).where(OutboxMessage.kind != "x")).all()
        assert [(m.kind, m.user_id) for m in asked] == [("decision_amended", people["member"][0])]
    login_as(client, people, "member")
    page = client.get(f"/decisions/{decision_id}").text
    assert "You took this stance on version 1" in page and "Withdraw my objection" in page
    assert "Not adopted: an objection stands" in page, "amending does not overrule an objection"
    client.post(f"/decisions/{decision_id}/stance", data={"kind": "no_objection"})
    with app.app_context():
        mine = db.session.scalar(select(Stance).where(Stance.member_id == people["member"][0]))
        assert (mine.kind, mine.version) == ("no_objection", 2)


def test_only_consent_and_consensus_can_be_amended(app, client, people):
    decision_id = open_decision(app, people, method="majority")
    login_as(client, people, "coordinator")
    response = client.get(f"/decisions/{decision_id}/amend")
    assert response.status_code == 409 and "can be amended" in response.text


@pytest.mark.parametrize(
    ("route", "data"),
    [("close", {}), ("withdraw", {}), ("decide", {"result": "adopted"}), ("amend", {})],
)
def test_proposer_actions_are_the_proposers(app, client, people, route, data):
    decision_id = open_decision(app, people, method="advice" if route == "decide" else "consent")
    login_as(client, people, "member")
    response = client.post(f"/decisions/{decision_id}/{route}", data=data)
    assert response.status_code == 403 and "Only the proposer" in response.text
    with app.app_context():
        assert get(decision_id).status == "open"


def test_close_early_only_when_every_active_member_took_part(app, client, people):
    decision_id = open_decision(app, people, method="majority", quorum=100)
    login_as(client, people, "coordinator")
    client.post(f"/decisions/{decision_id}/stance", data={"kind": "yes"})
    early = client.post(f"/decisions/{decision_id}/close")
    assert early.status_code == 409 and "every active member has taken part" in early.text
    for who, kind in (("member", "yes"), ("other", "abstain")):
        login_as(client, people, who)
        client.post(f"/decisions/{decision_id}/stance", data={"kind": kind})
    login_as(client, people, "coordinator")
    assert "Close now" in client.get(f"/decisions/{decision_id}").text
    assert client.post(f"/decisions/{decision_id}/close").status_code == 303
    with app.app_context():
        decision = get(decision_id)
        assert (decision.status, decision.outcome) == ("closed", "adopted")
        assert decision.final_tally["counts"] == {"yes": 2, "no": 0, "abstain": 1}
        assert decision.final_tally["participants"] == 3


def test_advice_process_records_decision_and_weighing(app, client, people):
    decision_id = open_decision(app, people, method="advice")
    login_as(client, people, "member")
    url = f"/decisions/{decision_id}/stance"
    assert client.post(url, data={"kind": "concern"}).status_code == 422
    client.post(url, data={"kind": "concern", "reason": "Let op de AVG."})
    login_as(client, people, "coordinator")
    own = client.post(url, data={"kind": "support", "reason": "Doen"})
    assert own.status_code == 409 and "record your decision instead" in own.text
    missing = client.post(f"/decisions/{decision_id}/decide", data={"result": "adopted"})
    assert missing.status_code == 422
    response = client.post(
        f"/decisions/{decision_id}/decide",
        data={"result": "adopted", "resolution": "We gaan door.", "weighing": "AVG gevolgd."},
    )
    assert response.status_code == 303
    with app.app_context():
        decision = get(decision_id)
        assert (decision.status, decision.outcome, decision.weighing) == (
            "closed",
            "adopted",
            "AVG gevolgd.",
        )
        assert decision.final_tally["counts"] == {"support": 0, "concern": 1}
    page = client.get(f"/decisions/{decision_id}").text
    assert "How the advice was weighed" in page and "AVG gevolgd." in page


def test_withdrawn_proposal_refuses_stances(app, client, people):
    decision_id = open_decision(app, people)
    login_as(client, people, "coordinator")
    assert client.post(f"/decisions/{decision_id}/withdraw").status_code == 303
    login_as(client, people, "member")
    response = client.post(f"/decisions/{decision_id}/stance", data={"kind": "agree"})
    assert response.status_code == 409 and "was withdrawn" in response.text
    with app.app_context():
        assert db.session.scalar(select(func.count(Stance.id))) == 0


def test_deleting_a_draft(app, client, people):
    decision_id = open_decision(app, people, who="member", status="draft")
    login_as(client, people, "member")
    assert client.post(f"/decisions/{decision_id}/withdraw").status_code == 303
    with app.app_context():
        assert get(decision_id) is None


def test_log_filters_and_searches(app, client, people):
    with app.app_context():
        proposer = user(people, "member")
        factories.decision(proposer, "Jaarlijkse bijdrage 100%", method="majority")
        factories.decision(proposer, "Zomerborrel", status="closed", outcome="adopted")
        factories.decision(
            proposer, "Online vergaderen", method="consensus", status="closed", outcome="blocked"
        )
        factories.decision(proposer, "Geheim concept", status="draft")
    login_as(client, people, "other")

    def titles(**args):
        page = client.get("/decisions/", query_string=args).text
        return {t for t in ("bijdrage", "Zomerborrel", "Online", "Geheim") if t in page}

    assert titles() == {"bijdrage", "Zomerborrel", "Online"}
    assert titles(status="open") == {"bijdrage"}
    assert titles(method="consensus") == {"Online"}
    assert titles(outcome="adopted") == {"Zomerborrel"}
    assert titles(outcome="not_adopted") == {"Online"}
    assert titles(q="ZOMER") == {"Zomerborrel"}
    assert titles(q="100%") == {"bijdrage"}
    assert titles(q="%") == {"bijdrage"}, "a % is searched for, not a wildcard"
    fragment = client.get("/decisions/?q=zomer", headers={"HX-Request": "true"}).text
    assert "Zomerborrel" in fragment and "<html" not in fragment


def test_home_card_shows_waiting_decisions_and_due_reviews(app, client, people):
    with app.app_context():
        coordinator = user(people, "coordinator")
        soon = factories.decision(coordinator, "Snel beslissen", closes_in=timedelta(hours=5))
        later = factories.decision(coordinator, "Later beslissen", closes_in=timedelta(days=5))
        done = factories.decision(coordinator, "Al gedaan")
        factories.stance(done, user(people, "member"), "agree")
        factories.decision(
            coordinator,
            "Evalueren",
            status="closed",
            outcome="adopted",
            review_on=utcnow().date() + timedelta(days=2),
        )
        factories.decision(
            coordinator,
            "Ver weg",
            status="closed",
            outcome="adopted",
            review_on=utcnow().date() + timedelta(days=90),
        )
        ids = soon.id, later.id
    login_as(client, people, "member")
    card = client.get("/").text.split('id="card-decisions"', 1)[1].split("</section>", 1)[0]
    assert card.index("Snel beslissen") < card.index("Later beslissen")
    assert "Al gedaan" not in card and "Evalueren" in card and "Ver weg" not in card
    assert f"/decisions/{ids[0]}" in card


def test_export_holds_my_proposals_and_stances(app, client, people):
    decision_id = open_decision(app, people, who="member", title="Mijn voorstel")
    login_as(client, people, "other")
    client.post(f"/decisions/{decision_id}/stance", data={"kind": "objection", "reason": "Nee"})
    data = json.loads(client.get("/members/me/export").data)["decisions"]
    assert data["proposals"] == []
    assert [(s["decision"], s["stance"], s["reason"]) for s in data["stances"]] == [
        ("Mijn voorstel", "objection", "Nee")
    ]
    login_as(client, people, "member")
    mine = json.loads(client.get("/members/me/export").data)["decisions"]
    assert [p["title"] for p in mine["proposals"]] == ["Mijn voorstel"]


def test_network_setting_for_anonymous_tallies(app, client, people):
    login_as(client, people, "coordinator")
    assert "hide names in tallies" in client.get("/admin/").text
    data = {"name": "Net", "language": "en", "timezone": "UTC", "anonymous_tallies": "y"}
    assert client.post("/admin/", data=data).status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Network)).anonymous_tallies is True


def test_proposal_text_is_sanitised(app, client, people):
    decision_id = open_decision(
        app, people, proposal="<script>alert(1)</script>[x](javascript:alert(1)) <b>ok</b>"
    )
    login_as(client, people, "member")
    page = client.get(f"/decisions/{decision_id}").text
    assert "<script>alert" not in page and "javascript:" not in page and "<b>ok</b>" in page


def test_versions_are_recorded_once_per_number(app, people):
    decision_id = open_decision(app, people)
    with app.app_context():
        db.session.add(DecisionVersion(decision_id=decision_id, number=1, proposal="dubbel"))
        with pytest.raises(Exception, match="(?i)unique|duplicate"):
            db.session.commit()
