"""When the day-before reminder is due, and to whom, as pure rules.

cron may run ``send-reminders`` hourly, daily or twice by mistake: the rule looks at
local calendar days (so "tomorrow" is right around midnight and across daylight-saving
changes), and a record per member and meeting makes sending idempotent.
"""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo


def window(now, timezone):
    """``(from, until)`` in UTC: meetings starting after now and before the end of
    tomorrow, local time. A meeting missed by yesterday's run is still reminded today."""
    zone = ZoneInfo(timezone)
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    end = datetime.combine(tomorrow + timedelta(days=1), time(), tzinfo=zone)
    return now, end.astimezone(UTC)


def is_due(starts_at, now, timezone):
    begin, end = window(now, timezone)
    return begin < starts_at < end


def recipients(members, answers, already_sent):
    """Who gets a reminder: members who want notices, have not said no, and have not
    been reminded of this meeting yet. ``members`` are ``(id, wants_notices)`` pairs,
    ``answers`` maps member id to their answer, ``already_sent`` is a set of ids."""
    return [
        member_id
        for member_id, wants in members
        if wants and answers.get(member_id) != "no" and member_id not in already_sent
    ]
