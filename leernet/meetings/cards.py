"""The home page's top card: the next meeting, with my answer in one tap."""

from ..home import card
from ..timeutil import utcnow
from . import panel
from .policy import may_schedule


@card("meeting", "meetings/_card.html", order=10)
def next_meeting_card(user):
    now = utcnow()
    meeting = panel.next_meeting(now)
    if meeting is None:
        return {"p": None, "may_schedule": may_schedule(user)} if may_schedule(user) else None
    return {"p": panel.by_query(meeting, user, now), "may_schedule": False}
