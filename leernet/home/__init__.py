"""Home page cards: each feature registers its own, so none touches the others.

A card is a template plus a function that returns its context for the current user,
or None when it has nothing to say right now; ``order`` puts the most urgent first.
A ``lazy`` card is fetched by htmx after the page has loaded: the home page stays within
its query budget however many features add a card.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import Blueprint


@dataclass(frozen=True)
class Card:
    name: str
    template: str
    context: Callable
    order: int = 50
    lazy: bool = False


CARDS: dict[str, Card] = {}


def card(name, template, order=50, lazy=False):
    """Decorator registering a card's context function."""

    def register(func):
        CARDS[name] = Card(name, template, func, order, lazy)
        return func

    return register


def cards_for(user):
    """The cards with something to show ``user``, most urgent first (lazy ones unasked)."""
    shown = []
    for item in sorted(CARDS.values(), key=lambda c: (c.order, c.name)):
        context = None if item.lazy else item.context(user)
        if item.lazy or context is not None:
            shown.append((item, context))
    return shown


bp = Blueprint("home", __name__)


from . import views  # noqa: E402, F401  (routes)
