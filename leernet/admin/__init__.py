"""The coordinator's pages: network settings, invitations, group links, outbox and roles."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home cards: coordinator, start
    )


from . import group_views, views  # noqa: E402, F401  (routes)
