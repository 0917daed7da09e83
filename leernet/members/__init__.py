"""Members: the directory ("who can I ask about X?"), profiles, and one's own data."""

from flask import Blueprint

bp = Blueprint("members", __name__, url_prefix="/members")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home cards: profile, suggestions
        demo,  # demo steps
        export,  # export sections: profile, messages
        search,  # search kind: member
    )


from . import views  # noqa: E402, F401  (routes)
