"""The home card "decisions waiting for you": stances to take, decisions to record, reviews."""

from ..home import card
from ..timeutil import utcnow
from . import queries


@card("decisions", "decisions/_card.html", order=30)
def decisions_card(user):
    waiting = queries.waiting_for(user, utcnow(), limit=5)
    reviews = queries.reviews_due()
    if not waiting and not reviews:
        return None
    return {
        "waiting": waiting[:5],
        "more": len(waiting) > 5,
        "reviews": reviews,
        "today": queries.today(),
    }
