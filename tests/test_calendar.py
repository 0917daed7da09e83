"""Calendars: one meeting's .ics and the private feed, parsed back and checked."""

from datetime import time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import select

from leernet.extensions import db
from leernet.meetings.feed import SOURCES, feed_source
from leernet.meetings.models import CalendarFeed, Meeting
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as

AMS = ZoneInfo("Europe/Amsterdam")


def parse(response):
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.get_data())
    assert str(calendar["VERSION"]) == "2.0" and calendar["PRODID"]
    return calendar


def events(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def feed_url(client):
    page = client.get("/calendar/").get_data(as_text=True)
    if 'id="feed-link"' not in page:  # none yet: a GET makes none, the member asks
        client.post("/calendar/regenerate")
        page = client.get("/calendar/").get_data(as_text=True)
    start = page.index("/calendar/", page.index('id="feed-link"'))
    return page[start : page.index('"', start)]


def next_clock_change():
    """The next last Sunday of March or October, at least three weeks away."""
    day = utcnow().date() + timedelta(days=21)
    while not (day.month in (3, 10) and day.weekday() == 6 and (day + timedelta(7)).day < 8):
        day += timedelta(days=1)
    return day


def test_one_meeting_ics_round_trip(app, client, people):
    with app.app_context():
        meeting = factories.meeting(
            "Masterclass; met, tekens",
            place="De Balie",
            online_url="https://meet.example.org/x",
            agenda="- punt 1\n- punt 2",
            guests="Noor Hendriks",
        )
        meeting_id, uid, start = meeting.id, meeting.uid, meeting.starts_at
    login_as(client, people, "member")
    response = client.get(f"/meetings/{meeting_id}.ics")
    assert "attachment" in response.headers["Content-Disposition"]
    calendar = parse(response)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == uid and str(event["SUMMARY"]) == "Masterclass; met, tekens"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTSTART").tzinfo.key == "Europe/Amsterdam"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert str(event["STATUS"]) == "CONFIRMED" and int(event["SEQUENCE"]) == 0
    assert str(event["LOCATION"]) == "De Balie"
    description = str(event["DESCRIPTION"])
    assert "https://meet.example.org/x" in description and "Noor Hendriks" in description
    assert str(event["URL"]).endswith(f"/meetings/{meeting_id}")
    assert [tz.tz_name for tz in calendar.timezones] == ["Europe/Amsterdam"]


def test_feed_carries_every_meeting_with_updates_and_cancellations(app, client, people):
    with app.app_context():
        _series, items = factories.series(first=next_clock_change() - timedelta(days=20))
        ids = [m.id for m in items]
        old = factories.meeting("Lang geleden", days=-400).id
        recent = factories.meeting("Vorige maand", days=-30).id
    login_as(client, people, "member")
    url = feed_url(client)
    anonymous = app.test_client()
    calendar = parse(anonymous.get(url))
    found = events(calendar)
    with app.app_context():
        uids = {m.id: m.uid for m in db.session.scalars(select(Meeting))}
    assert set(found) == {uids[i] for i in ids} | {uids[recent]}, "a year back, and the future"
    assert uids[old] not in found
    offsets = set()
    for meeting_id in ids:
        start = found[uids[meeting_id]].decoded("DTSTART")
        assert start.astimezone(AMS).time() == time(10), "10:00 local, across DST too"
        offsets.add(start.utcoffset())
    assert len(offsets) == 2, "the series crosses a clock change"

    # Change one occurrence and cancel another: the feed follows, same UIDs.
    coordinator = app.test_client()
    login_as(coordinator, people, "coordinator")
    with app.app_context():
        target = db.session.get(Meeting, ids[1])
        local = target.starts_at.astimezone(AMS)
    coordinator.post(
        f"/meetings/{ids[1]}/edit",
        data={
            "title": "Intervisie (verzet)",
            "kind": "network",
            "date": local.date().isoformat(),
            "start_time": "13:00",
            "end_time": "15:00",
            "host": people["coordinator"][0],
            "interval": "1",
            "scope": "this",
        },
    )
    coordinator.post(f"/meetings/{ids[2]}/cancel", data={"reason": "Ziek"})
    after = events(parse(anonymous.get(url)))
    assert set(after) == set(found)
    moved = after[uids[ids[1]]]
    assert str(moved["SUMMARY"]) == "Intervisie (verzet)" and int(moved["SEQUENCE"]) == 1
    assert moved.decoded("DTSTART").astimezone(AMS).time() == time(13)
    cancelled = after[uids[ids[2]]]
    assert str(cancelled["STATUS"]) == "CANCELLED" and int(cancelled["SEQUENCE"]) == 1
    assert "Ziek" in str(cancelled["DESCRIPTION"])
    assert int(after[uids[ids[0]]]["SEQUENCE"]) == 0, "untouched events keep their sequence"


def test_feed_token_is_private_revocable_and_dies_with_the_account(app, client, people):
    login_as(client, people, "member")
    url = feed_url(client)
    assert url == feed_url(client), "the address stays the same until regenerated"
    assert app.test_client().get(url).status_code == 200
    assert app.test_client().get("/calendar/not-a-token.ics").status_code == 404
    response = client.post("/calendar/regenerate")
    assert response.status_code == 303
    assert app.test_client().get(url).status_code == 404, "the old address stops working"
    fresh = feed_url(client)
    assert fresh != url and app.test_client().get(fresh).status_code == 200
    with app.app_context():
        assert db.session.scalar(select(CalendarFeed)).user_id == people["member"][0]
        member = db.session.get(factories.User, people["member"][0])
        member.active = False
        db.session.commit()
    assert app.test_client().get(fresh).status_code == 404, "deactivated: no more feed"


def test_feed_page_explains_and_offers_copy(client, people):
    login_as(client, people, "member")
    page = client.get("/calendar/").get_data(as_text=True)
    assert "Make my calendar address" in page and "feed-link" not in page
    client.post("/calendar/regenerate")
    page = client.get("/calendar/").get_data(as_text=True)
    assert 'data-copy="#feed-link"' in page and "webcal://" in page
    assert "iPhone" in page and "Google" in page


def test_other_features_add_events_through_the_registry(app, client, people):
    @feed_source
    def review_dates(user):
        event = Event()
        event.add("uid", f"review-{user.id}@leernet")
        event.add("summary", "Evaluatie besluit")
        event.add("dtstart", utcnow().date() + timedelta(days=3))
        event.add("dtstamp", utcnow())
        return [event]

    try:
        login_as(client, people, "member")
        found = events(parse(app.test_client().get(feed_url(client))))
        assert str(found[f"review-{people['member'][0]}@leernet"]["SUMMARY"]) == "Evaluatie besluit"
    finally:
        SOURCES.remove(review_dates)


def test_decision_review_dates_are_in_the_feed(app, client, people):
    with app.app_context():
        proposer = db.session.get(factories.User, people["coordinator"][0])
        review_on = utcnow().date() + timedelta(days=30)
        factories.decision(proposer, "Proef met hybride bijeenkomsten", status="closed",
                           outcome="adopted", review_on=review_on, closed_at=utcnow())  # fmt: skip
    login_as(client, people, "member")
    found = parse(app.test_client().get(feed_url(client))).walk("VEVENT")
    review = [e for e in found if "Proef met hybride" in str(e["SUMMARY"])]
    assert len(review) == 1 and review[0]["DTSTART"].dt == review_on
