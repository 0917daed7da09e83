"""Minutes and action items.

Minutes are one generic document per *subject* (a meeting now, an intervision session
later): see ``subjects.py`` for how a feature plugs its own kind in. Every save is a
revision; a save carries the revision it started from, so two people editing at once
never overwrite each other (``service.save``). The rules of who may read, write,
share, approve and unlock are plain functions in ``rules.py``.
"""

from flask import Blueprint

bp = Blueprint("minutes", __name__)


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from . import (  # noqa: F401
        cards,  # home card: actions
        demo,  # demo steps
        export,  # export sections: minutes, actions
        meeting_subject,  # minutes subject: meeting
        panel,  # meeting-page section: minutes
        search,  # search kind: minutes
    )


from . import action_views, history_views, views  # noqa: E402, F401  (routes)
