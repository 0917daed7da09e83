"""Member-led decisions: proposals, stances, outcomes and the decision log."""

from flask import Blueprint

bp = Blueprint("decisions", __name__, url_prefix="/decisions")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home card: decisions
        cli,  # command: close-decisions
        demo,  # demo steps
        export,  # export section: decisions
        feed,  # calendar feed: review dates
        search,  # search kind: decision
    )


from . import views  # noqa: E402, F401  (routes)
