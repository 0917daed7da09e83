"""Review dates as calendar events, for members' private calendar feed.

A decision taken as "safe enough to try" carries a date to look at it again; the
meetings feature's feed adds these events next to the meetings. Pure: the caller
passes the decisions, a link builder and the (translated) summary.
"""

from datetime import timedelta

from . import rules


def review_events(decisions, link=None, summary="Review: %(title)s", stamp=None):
    """One all-day ``icalendar.Event`` per adopted decision with a review date.

    ``link(decision)`` gives its URL; ``stamp`` is DTSTAMP (defaults to when the
    decision closed, so the feed does not change on every fetch).
    """
    from icalendar import Event  # on first use, like ``meetings.ical.calendar``

    events = []
    for decision in decisions:
        if decision.review_on is None or decision.outcome != rules.ADOPTED:
            continue
        event = Event()
        event.add("uid", f"decision-{decision.id}-review@leernet")
        event.add("dtstamp", stamp or decision.closed_at)
        event.add("dtstart", decision.review_on)
        event.add("dtend", decision.review_on + timedelta(days=1))
        event.add("summary", summary % {"title": decision.title})
        event.add("transp", "TRANSPARENT")
        if link is not None:
            url = link(decision)
            event.add("url", url)
            event.add("description", url)
        events.append(event)
    return events
