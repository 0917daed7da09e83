"""The notice board: vacancies, assignments, calls for collaboration, events elsewhere and
announcements, each with replies and an end date, after which it moves to the archive.

What the board adds to the rest of the network is named in ``init_app`` below.
"""

from flask import Blueprint

bp = Blueprint("board", __name__, url_prefix="/board")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home card: board
        demo,  # demo steps
        erase,  # on erase: the member's notices and replies
        export,  # export sections: board_items, board_replies
        search,  # search kind: board
        value,  # value parts: the board's journey item and dashboard panel
    )


from . import views  # noqa: E402, F401  (routes)
