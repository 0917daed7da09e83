"""When a member may check out, who gets the "how was it?" message, who reads a story.

Plain functions over plain values, so they are proved by unit tests without a database.
A check-out opens half an hour before a meeting ends (the closing round in the room)
and stays open, to give or to change, for a week after it ended.
"""

from datetime import timedelta

OPENS_BEFORE_END = timedelta(minutes=30)
WINDOW = timedelta(days=7)

# Reasons ``refusal`` gives (the view words them).
CANCELLED = "cancelled"
NOT_YET = "not_yet"
CLOSED = "closed"
ABSENT = "absent"


def opens_at(meeting):
    return meeting.ends_at - OPENS_BEFORE_END


def closes_at(meeting):
    return meeting.ends_at + WINDOW


def refusal(meeting, attended, now):
    """Why this member cannot check out of ``meeting`` now, or None when they can.

    ``attended`` says whether they were checked in. A meeting that has not happened
    and a member who was not there are refused; so is a check-out after the week.
    """
    if meeting.cancelled_at is not None:
        return CANCELLED
    if now < opens_at(meeting):
        return NOT_YET
    if now > closes_at(meeting):
        return CLOSED
    if not attended:
        return ABSENT
    return None


def card_window(now):
    """``(from, until)`` on ``ends_at``: meetings the home card asks about (from the
    closing round in the room until the week is over)."""
    return now - WINDOW, now + OPENS_BEFORE_END


def invite_window(now):
    """``(from, until)`` on ``ends_at``: meetings whose invitation is due (ended, open)."""
    return now - WINDOW, now


def invite_recipients(attendees, checked_out, already_sent):
    """Who gets the invitation: attendees (``(id, wants_notices)`` pairs) who want
    meeting notices, have not checked out yet and have not been invited before."""
    return [
        member_id
        for member_id, wants in attendees
        if wants and member_id not in checked_out and member_id not in already_sent
    ]


def valid_usefulness(value):
    return isinstance(value, int) and 1 <= value <= 5


def may_read_story(story_visibility, author_id, user_id, is_coordinator):
    """Every member reads network stories; coordinators-only stories are for them and
    for the author."""
    return story_visibility == "network" or is_coordinator or author_id == user_id


def may_change_story(author_id, user_id, is_coordinator):
    return is_coordinator or author_id == user_id
