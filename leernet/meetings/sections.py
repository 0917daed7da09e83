"""Sections other features add to a meeting's page, so the meetings feature stays unaware
of them (minutes and actions, intervision groups).

A section is a template plus a function that loads what it shows of one meeting for
one user; the meeting's view calls them and hands each template its ``ctx``, as the
home page does with its cards: the templates do not query.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    context: Callable
    order: int = 50


SECTIONS: dict[str, Section] = {}


def section(name, template, order=50):
    """Decorator registering a section's context function ``(meeting, user) -> ctx``."""

    def register(func):
        SECTIONS[name] = Section(name, template, func, order)
        return func

    return register


def sections_for(meeting, user):
    """``(section, ctx)`` for each section, in their order."""
    ordered = sorted(SECTIONS.values(), key=lambda s: (s.order, s.name))
    return [(item, item.context(meeting, user)) for item in ordered]
