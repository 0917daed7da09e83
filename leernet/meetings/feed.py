"""A member's private calendar feed, assembled from sources that features register.

Meetings are one source; another feature adds its own events without touching this
module::

    from leernet.meetings.feed import feed_source

    @feed_source
    def review_dates(user):
        return [event, ...]  # icalendar.Event objects with stable UIDs

Each source gets the member the feed belongs to and returns ``icalendar.Event``s;
``network_timezone()`` is the zone to write their times in.
"""

import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from ..admin.models import current_network
from ..extensions import db
from ..timeutil import utcnow
from ..web import external_url
from .ical import meeting_event
from .models import CalendarFeed, Meeting

SOURCES = []
#: How far back the feed reaches: calendars keep older events themselves.
HISTORY = timedelta(days=365)


def feed_source(func):
    """Register ``func(user) -> list[icalendar.Event]`` as part of every member's feed."""
    if func not in SOURCES:
        SOURCES.append(func)
    return func


def events_for(user):
    events = []
    for source in SOURCES:
        events.extend(source(user))
    return events


def network_timezone():
    """The zone events are written in (sources use it for their DTSTART/DTEND)."""
    network = current_network()
    return network.timezone if network else current_app.config["NETWORK_TIMEZONE"]


@feed_source
def meetings(user):
    """Every meeting the member can see (all of the network's), from a year back."""
    timezone = network_timezone()
    rows = db.session.scalars(
        select(Meeting)
        .where(Meeting.ends_at >= utcnow() - HISTORY)
        .order_by(Meeting.starts_at, Meeting.id)
    )
    return [
        meeting_event(m, external_url("meetings.detail", meeting_id=m.id), timezone) for m in rows
    ]


def token_for(user):
    """The member's feed token, or None before they asked for one (a GET makes none)."""
    feed = db.session.get(CalendarFeed, user.id)
    return feed.token if feed else None


def regenerate(user):
    """A new token (the first one, or one that replaces it: the old address dies at once)."""
    feed = db.session.get(CalendarFeed, user.id)
    if feed is None:
        feed = CalendarFeed(user_id=user.id, token=secrets.token_urlsafe(24))
        db.session.add(feed)
        return feed.token
    feed.token = secrets.token_urlsafe(24)
    feed.created_at = utcnow()
    return feed.token


def member_for(token):
    """The active member a feed token belongs to, or None."""
    if not token or len(token) > 64:
        return None
    feed = db.session.scalar(select(CalendarFeed).where(CalendarFeed.token == token))
    if feed is None or not feed.user.is_active:
        return None
    return feed.user
