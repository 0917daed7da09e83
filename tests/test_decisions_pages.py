"""Decisions pages stay within the query budget whatever the size of the log; calendar events."""

from datetime import date, timedelta

from icalendar import Calendar

from leernet.decisions import queries
from leernet.decisions.calendar import review_events
from leernet.extensions import db
from leernet.markdown import render_markdown
from leernet.members.models import User
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as
from .queries import counting

BUDGET = 12


def grow(app, people, decisions, members):
    """Add decisions (half closed, half open, each with stances) and members."""
    with app.app_context():
        voters = [factories.user(f"Stemmer {i}") for i in range(members)]
        proposer = db.session.get(User, people["coordinator"][0])
        last = None
        for i in range(decisions):
            closed = i % 2 == 0
            last = factories.decision(
                proposer,
                f"Besluit {i}",
                method=("consent", "majority", "consensus", "advice")[i % 4],
                status="closed" if closed else "open",
                outcome="adopted" if closed else None,
                closes_in=timedelta(days=(-i if closed else i + 1)),
                review_on=date.today() + timedelta(days=i % 5) if closed else None,
            )
            for voter in voters:
                kind = {
                    "consent": "agree",
                    "majority": "yes",
                    "consensus": "agree",
                    "advice": "support",
                }[last.method]
                factories.stance(last, voter, kind, "Omdat het kan")
        return last.id


def queries_for(app, client, url):
    with counting(app) as seen:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(seen)


def test_pages_stay_within_budget_and_do_not_grow(app, client, people):
    small_id = grow(app, people, 2, 2)
    login_as(client, people, "member")
    urls = ["/decisions/", "/decisions/?status=closed&q=besluit", f"/decisions/{small_id}", "/"]
    small = [queries_for(app, client, url) for url in urls]
    big_id = grow(app, people, 80, 12)
    urls[2] = f"/decisions/{big_id}"
    big = [queries_for(app, client, url) for url in urls]
    assert max(big) <= BUDGET, dict(zip(urls, big, strict=True))
    assert big == small, dict(zip(urls, zip(small, big, strict=True), strict=True))


def test_review_events_parse_back(app, people):
    with app.app_context():
        proposer = db.session.get(User, people["member"][0])
        adopted = factories.decision(
            proposer,
            "Buddy's",
            status="closed",
            outcome="adopted",
            review_on=date(2027, 3, 25),
            closed_at=utcnow(),
        )
        factories.decision(
            proposer,
            "Afgewezen",
            status="closed",
            outcome="rejected",
            review_on=date(2027, 4, 1),
            closed_at=utcnow(),
        )
        factories.decision(proposer, "Geen datum", status="closed", outcome="adopted")
        decisions = queries.with_review_dates()
        assert [d.title for d in decisions] == ["Buddy's"]
        events = review_events(
            decisions + [adopted],  # duplicates and rejected ones are the caller's business
            link=lambda d: f"https://leernet.example/decisions/{d.id}",
            summary="Evaluatie: %(title)s",
        )
    calendar = Calendar()
    calendar.add("prodid", "-//leernet//test//")
    calendar.add("version", "2.0")
    for item in events[:1]:
        calendar.add_component(item)
    parsed = Calendar.from_ical(calendar.to_ical())
    (parsed_event,) = parsed.walk("VEVENT")
    assert str(parsed_event["summary"]) == "Evaluatie: Buddy's"
    assert parsed_event.decoded("dtstart") == date(2027, 3, 25)
    assert parsed_event.decoded("dtend") == date(2027, 3, 26)
    assert str(parsed_event["uid"]) == f"decision-{adopted.id}-review@leernet"
    assert str(parsed_event["url"]) == f"https://leernet.example/decisions/{adopted.id}"


def test_review_events_skip_what_is_not_adopted():
    class D:
        id, title, closed_at = 1, "X", utcnow()

        def __init__(self, outcome, review_on):
            self.outcome, self.review_on = outcome, review_on

    picked = review_events(
        [D("adopted", None), D("objected", date(2027, 1, 1)), D("adopted", date(2027, 1, 1))]
    )
    assert len(picked) == 1 and "DTSTAMP" in picked[0]

    assert render_markdown("<b>a & b</b>") == "<p><b>a &amp; b</b></p>"
    assert hasattr(render_markdown("x"), "__html__"), "Markup, so Jinja does not escape it again"


def test_feed_events_are_linked_and_translated(app, people):
    from leernet.decisions.feed import feed_events

    with app.test_request_context():
        proposer = db.session.get(User, people["member"][0])
        decision = factories.decision(
            proposer, "Buddy's", status="closed", outcome="adopted", review_on=date(2027, 3, 25),
            closed_at=utcnow(),
        )  # fmt: skip
        (event_,) = feed_events(since=date(2027, 1, 1))
        assert feed_events(since=date(2027, 4, 1)) == []
    assert str(event_["summary"]) == "Review: Buddy's"
    assert str(event_["url"]).endswith(f"/decisions/{decision.id}")
