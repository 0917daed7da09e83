"""The calendar feed as another program reads it: vobject, a second iCalendar parser that
shares no code with icalendar, reads the descriptions, the time zone and a cancellation."""

from datetime import datetime
from zoneinfo import ZoneInfo

import vobject

from leernet.extensions import db
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as
from .test_calendar import feed_url, next_clock_change

AMS = ZoneInfo("Europe/Amsterdam")
AGENDA = """Welkom bij de **incidentmethode**.

- Lees eerst [de handleiding](https://example.org/handleiding)
- Neem een _casus_ mee

1. Ronde
2. Advies"""


def read_feed(app, client, people):
    login_as(client, people, "member")
    body = app.test_client().get(feed_url(client))
    assert body.status_code == 200
    text = body.get_data(as_text=True)
    return text, vobject.readOne(text)


def by_uid(calendar):
    return {event.uid.value: event for event in calendar.vevent_list}


def test_descriptions_are_plain_text_with_their_links(app, client, people):
    with app.app_context():
        uid = factories.meeting(
            "Intervisie", agenda=AGENDA, online_url="https://meet.example.org/a"
        ).uid
    _text, calendar = read_feed(app, client, people)
    description = by_uid(calendar)[uid].description.value
    assert "**" not in description and "_casus_" not in description and "[" not in description
    assert "Welkom bij de incidentmethode." in description
    assert "- Lees eerst de handleiding (https://example.org/handleiding)" in description
    assert "- Neem een casus mee" in description and "1. Ronde\n2. Advies" in description
    assert "https://meet.example.org/a" in description


def test_the_time_zone_is_one_yearly_rule_valid_for_any_date(app, client, people):
    with app.app_context():
        change = (next_clock_change() - utcnow().date()).days
        before = factories.meeting("Voor de klok", days=change - 7)
        after = factories.meeting("Na de klok", days=change + 7)
        uids = {before.uid: before.starts_at, after.uid: after.starts_at}
    text, calendar = read_feed(app, client, people)
    zone_block = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert zone_block.count("BEGIN:STANDARD") == 1 and zone_block.count("BEGIN:DAYLIGHT") == 1
    assert zone_block.count("RRULE:FREQ=YEARLY") == 2 and "RDATE" not in zone_block
    # vobject builds its own tzinfo from that block; it must agree with the tz database.
    zone = calendar.vtimezone.gettzinfo()
    for year in (1999, utcnow().year, 2047):
        for month in (1, 4, 7, 10, 11):
            moment = datetime(year, month, 15, 12)
            assert zone.utcoffset(moment) == moment.replace(tzinfo=AMS).utcoffset(), moment
    events = by_uid(calendar)
    offsets = set()
    for uid, start in uids.items():
        read = events[uid].dtstart.value
        assert read == start and read.utcoffset() == start.astimezone(AMS).utcoffset()
        offsets.add(read.utcoffset())
    assert len(offsets) == 2, "the two meetings lie either side of a clock change"


def test_a_cancelled_meeting_says_so_in_its_title(app, client, people):
    with app.app_context():
        meeting = factories.meeting("Masterclass subsidies", cancel_reason="Ziek")
        meeting.cancelled_at = utcnow()
        db.session.commit()
        uid = meeting.uid
        kept = factories.meeting("Netwerkborrel").uid
    _text, calendar = read_feed(app, client, people)
    events = by_uid(calendar)
    assert events[uid].summary.value == "Cancelled: Masterclass subsidies"
    assert events[uid].status.value == "CANCELLED"
    assert "Ziek" in events[uid].description.value
    assert events[kept].summary.value == "Netwerkborrel"
    assert events[kept].status.value == "CONFIRMED"
