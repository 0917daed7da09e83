"""Review dates for the members' calendar feed (built by the meetings feature).

The feed calls ``feed_events()`` and adds the events next to the meetings: translated
into the network's language and linked to each decision.
"""

from flask_babel import gettext as _

from ..web import external_url
from .calendar import review_events
from .queries import with_review_dates


def feed_events(since=None):
    """``icalendar.Event``s for adopted decisions with a review date (on or after ``since``)."""
    return review_events(
        with_review_dates(since),
        link=lambda decision: external_url("decisions.detail", decision_id=decision.id),
        summary=_("Review: %(title)s"),
    )
