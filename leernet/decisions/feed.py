"""Review dates in the members' calendar feed, next to the meetings.

Registered as a source of the meetings feature's feed: translated into the network's
language and linked to each decision.
"""

from flask_babel import gettext as _

from ..meetings.feed import HISTORY, feed_source
from ..timeutil import utcnow
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


@feed_source
def review_dates(_user):
    """Every member sees every decision, so the review dates are the same for all."""
    return feed_events((utcnow() - HISTORY).date())
