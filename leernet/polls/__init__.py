"""Find a date: propose dates, answer with one tap each, schedule the best one."""

from flask import Blueprint

bp = Blueprint("polls", __name__, url_prefix="/polls")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home card: polls
        demo,  # demo steps
        export,  # export section: date_polls
        search,  # search kind: poll
    )


from . import views  # noqa: E402, F401  (routes)
