"""Discussion on proposals: a thread under every published decision through its voting
window, each comment said about the version of the proposal it was written on.
"""

from flask import Blueprint

bp = Blueprint("discussion", __name__, url_prefix="/decisions")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        demo,  # demo steps
        erase,  # on erase: the member's comments
        export,  # export section: proposal_comments
        search,  # search kind: discussion
    )


from . import views  # noqa: E402, F401  (routes)
