"""A coordinator hides a notice, a reply or a comment: the row keeps who hid it and when
(the record of the moderation, shown on the page as "hidden"), and the log says so too.
Nothing is deleted, so hiding can be undone."""

from flask import current_app

from .timeutil import utcnow


def hide(thing, by, hidden=True):
    thing.hidden_at = utcnow() if hidden else None
    thing.hidden_by = by if hidden else None
    current_app.logger.info(
        "moderation: %s %s %s by user %s",
        "hid" if hidden else "restored",
        type(thing).__name__,
        thing.id,
        by.id,
    )
