"""Sections other features add to a meeting's page, so the meetings feature stays unaware
of them (minutes and actions, intervision groups).

A section is a template plus a function that loads what it shows of one meeting for
one user; the meeting's view calls them and hands each template its ``ctx``, as the
home page does with its cards: the templates do not query.
"""

#: name -> (order, template, context function)
SECTIONS = {}


def section(name, template, order=50):
    """Decorator registering a section's context function ``(meeting, user) -> ctx``."""

    def register(func):
        SECTIONS[name] = (order, template, func)
        return func

    return register


def sections_for(meeting, user):
    """``(template, ctx)`` for each section, in their order."""
    ordered = sorted(SECTIONS.items(), key=lambda item: (item[1][0], item[0]))
    return [(template, context(meeting, user)) for _name, (_order, template, context) in ordered]
