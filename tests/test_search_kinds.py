"""Search finds meetings, decisions and date polls; each result says what it is and when."""

import re
from datetime import UTC, datetime, timedelta

from flask_babel import force_locale

from leernet.extensions import db
from leernet.search import KINDS

from . import factories
from .conftest import login_as
from .test_search import results, user

#: Pinned moments, far enough ahead that no test day passes them.
SPRING = datetime(2030, 3, 14, 9, 0, tzinfo=UTC)
AUTUMN = datetime(2030, 10, 3, 9, 0, tzinfo=UTC)

RESULT = re.compile(
    r'<span class="badge">([^<]+)</span>(?: <span class="muted">([^<]+)</span>)?</p>\s*'
    r'<a class="title" href="([^"]+)"><span>([^<]+)</span>'
)


def found(client, q, **params):
    """``[(kind, date or None, title)]`` of the results, in order."""
    page = results(client, q, **params)
    return [(kind, date or None, title) for kind, date, _href, title in RESULT.findall(page)]


def meeting_at(moment, title, **fields):
    item = factories.meeting(title, **fields)
    item.starts_at, item.ends_at = moment, moment + timedelta(hours=3)
    db.session.commit()
    return item


def test_meetings_decisions_and_polls_are_found_with_their_kind_and_date(app, client, people):
    with app.app_context():
        member = user("member", people)
        meeting_at(SPRING, "Masterclass fondsenwerving", agenda="Over het **Cultuurfonds**.")
        decision = factories.decision(member, "Cultuurfonds als vaste partner")
        decision.opened_at = AUTUMN
        poll = factories.poll(member, "Datum voor de cultuurfondsdag")
        poll.created_at = SPRING
        db.session.commit()
    login_as(client, people, "other")
    assert sorted(found(client, "cultuurfonds")) == [
        ("Date poll", "14 Mar 2030", "Datum voor de cultuurfondsdag"),
        ("Decision", "3 Oct 2030", "Cultuurfonds als vaste partner"),
        ("Meeting", "14 Mar 2030", "Masterclass fondsenwerving"),
    ]
    assert found(client, "cultuurfonds", kind="decision") == [
        ("Decision", "3 Oct 2030", "Cultuurfonds als vaste partner")
    ]
    client.post("/language", data={"language": "nl", "next": "/"})
    kinds = {kind for kind, _date, _title in found(client, "cultuurfonds")}
    assert kinds == {"Datumprikker", "Besluit", "Bijeenkomst"}
    assert "14 mrt 2030" in results(client, "masterclass")


def test_two_minutes_of_meetings_with_one_name_are_told_apart_by_date(app, client, people):
    with app.app_context():
        member = user("member", people)
        for moment in (SPRING, AUTUMN):
            meeting = meeting_at(moment, "Netwerkdag")
            factories.minutes(meeting, member, "Over de begroting.", state="shared",
                              visibility="network")  # fmt: skip
    login_as(client, people, "other")
    assert sorted(found(client, "begroting")) == [
        ("Minutes", "14 Mar 2030", "Netwerkdag"),
        ("Minutes", "3 Oct 2030", "Netwerkdag"),
    ]


def test_a_draft_decision_is_found_by_its_proposer_alone(app, client, people):
    with app.app_context():
        factories.decision(user("member", people), "Concept: een eigen website", status="draft")
    login_as(client, people, "other")
    assert found(client, "website") == []
    login_as(client, people, "coordinator")
    assert found(client, "website") == []
    login_as(client, people, "member")
    assert [title for _kind, _date, title in found(client, "website")] == [
        "Concept: een eigen website"
    ]


def test_a_decision_opened_and_closed_moves_in_the_index(app, client, people):
    with app.app_context():
        decision = factories.decision(user("member", people), "Wekelijkse koffie", status="draft")
        decision.status, decision.opened_at = "open", SPRING
        db.session.commit()
    login_as(client, people, "other")
    assert found(client, "koffie") == [("Decision", "14 Mar 2030", "Wekelijkse koffie")]


def test_a_member_result_has_a_kind_but_no_date(app, client, people):
    login_as(client, people, "coordinator")
    [(kind, date, _title)] = found(client, "subsidies", kind="member")
    assert (kind, date) == ("Member", None)


def test_every_kind_has_a_name_for_one_result(app):
    with app.test_request_context(), force_locale("en"):
        badges = {name: str(kind.badge) for name, kind in KINDS.items()}
    assert (
        badges.items()
        >= {
            "meeting": "Meeting",
            "decision": "Decision",
            "poll": "Date poll",
            "minutes": "Minutes",
            "resource": "Resource",
            "question": "Question",
            "member": "Member",
        }.items()
    )
