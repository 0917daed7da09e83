"""iCalendar output: one meeting, or a member's feed, for any calendar app.

Times go out in the network's time zone with its VTIMEZONE (in the recurring form of
``vtimezone.py``), so a phone in another zone still shows the right moment; UIDs never
change and SEQUENCE rises with every change, so calendars update an event (or strike
it, on STATUS:CANCELLED, and the title says so for apps that only show titles) instead
of copying it. Descriptions are plain text: calendar apps show Markdown's marks as they
are, so an agenda is rendered to text with its links written out.
"""

from datetime import UTC, date, timedelta
from zoneinfo import ZoneInfo

from flask_babel import gettext as _

from ..markdown import as_text
from .vtimezone import vtimezone

PRODID = "-//leernet//meetings//EN"


def meeting_event(meeting, url, timezone):
    """An ``icalendar.Event`` for ``meeting``; ``url`` is its absolute page address."""
    from icalendar import Event  # see calendar(): loaded only where a calendar is made

    zone = ZoneInfo(timezone)
    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", (meeting.updated_at or meeting.created_at).astimezone(UTC))
    event.add("last-modified", (meeting.updated_at or meeting.created_at).astimezone(UTC))
    event.add("created", meeting.created_at.astimezone(UTC))
    event.add("sequence", meeting.sequence)
    event.add("dtstart", meeting.starts_at.astimezone(zone))
    event.add("dtend", meeting.ends_at.astimezone(zone))
    title = _("Cancelled: %(title)s", title=meeting.title) if meeting.cancelled else meeting.title
    event.add("summary", title)
    event.add("status", "CANCELLED" if meeting.cancelled else "CONFIRMED")
    event.add("categories", [str(meeting.kind_label)])
    if meeting.place or meeting.online_url:
        event.add("location", meeting.place or meeting.online_url)
    event.add("url", url)
    event.add("description", _description(meeting, url))
    return event


def _description(meeting, url):
    lines = []
    if meeting.cancelled:
        reason = f": {meeting.cancel_reason}" if meeting.cancel_reason else ""
        lines.append(_("Cancelled") + reason)
    if meeting.online_url:
        lines.append(_("Online: %(link)s", link=meeting.online_url))
    if meeting.guest_names:
        lines.append(_("Guest speakers: %(names)s", names=", ".join(meeting.guest_names)))
    if meeting.agenda:
        lines += ["", as_text(meeting.agenda)]
    lines += ["", url]
    return "\n".join(lines).strip()


def calendar(events, name, timezone):
    """A VCALENDAR holding ``events`` and the VTIMEZONEs they refer to.

    icalendar (with dateutil) adds 3 MB to every worker that imports it, and only the
    feeds and ``.ics`` downloads need it: it is imported here, on first use.
    """
    from icalendar import Calendar

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", timezone)
    cal.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    days = [e.decoded("dtstart") for e in events if "dtstart" in e]
    days = [d.date() if hasattr(d, "date") else d for d in days]
    zone = vtimezone(timezone)
    if zone is not None:
        cal.add_component(zone)
    for event in events:
        cal.add_component(event)
    # Any other zone an event names, and the network's own if it had no recurring form.
    first = min(days, default=date.today()) - timedelta(days=366)
    last = max(days, default=date.today()) + timedelta(days=366)
    cal.add_missing_timezones(first_date=first, last_date=last)
    return cal


def to_bytes(cal):
    return cal.to_ical()
