"""Meetings: kinds, series, RSVP and check-in, the calendar (.ics and a feed per member)."""

from flask import Blueprint

bp = Blueprint("meetings", __name__)


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home card: meeting
        commands,  # command: send-reminders
        demo,  # demo steps
        export,  # export section: meetings
        feed,  # calendar feed: meetings
        search,  # search kind: meeting
    )


from . import calendar_views, edit_views, rsvp_views, views  # noqa: E402, F401  (routes)
