"""Home cards: "How was <meeting>?" right after a meeting, and the way to the dashboard."""

from ..home import card
from ..timeutil import utcnow
from . import queries


@card("checkout", "value/_checkout_card.html", order=12)
def checkout_card(user):
    meeting = queries.pending_checkout(user, utcnow())
    return {"meeting": meeting} if meeting is not None else None


@card("value", "value/_value_card.html", order=90)
def value_card(_user):
    """Always there, at the bottom, and free: it runs no query."""
    return {}
