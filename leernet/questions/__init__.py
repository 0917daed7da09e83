"""Ask the network: questions, answers, and the answer that helped."""

from flask import Blueprint

bp = Blueprint("questions", __name__, url_prefix="/questions")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home card: questions
        demo,  # demo steps
        export,  # export sections: questions, answers
        search,  # search kind: question
    )


from . import views  # noqa: E402, F401  (routes)
