"""Value creation: check-outs after meetings, value stories, a dashboard and a funder report.

Built on Wenger, Trayner and De Laat's five value cycles of a learning network
(immediate, potential, applied, realised, reframing value). The rules and sums are plain
modules without Flask (``cycles``, ``rules``, ``aggregate``, ``charts``) so they can be
unit-tested; ``sources`` lets other features add their own parts to the member's
journey, the dashboard and the report.
"""

from flask import Blueprint

bp = Blueprint("value", __name__, url_prefix="/value")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home cards: checkout, value
        commands,  # command: send-checkout-invites
        demo,  # demo steps
        export,  # export sections: checkouts, value_stories
        parts,  # value parts: meetings on the journey, dashboard and report; story links
        search,  # search kind: story
    )


from . import report_views, story_views, views  # noqa: E402, F401  (routes)
