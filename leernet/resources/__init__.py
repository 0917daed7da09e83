"""The network's library of links, files and notes, with tags and upload limits."""

from flask import Blueprint

bp = Blueprint("resources", __name__, url_prefix="/resources")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        demo,  # demo steps
        export,  # export section: resources
        search,  # search kind: resource
    )


from . import views  # noqa: E402, F401  (routes)
