"""Home card: new questions that match what I can be asked about."""

from ..home import card
from .board import questions_for


@card("questions", "questions/_card.html", order=40, lazy=True)
def questions_card(user):
    found = questions_for(user)
    return {"questions": found} if found else None
