"""Hearing what needs me: the inbox, choices per topic, digests and Web Push.

The routes (``/inbox``, ``/sw.js``, ``/offline``) are in ``views.py``; ``init_app`` installs
the mail and push hooks (``dispatch``), the VAPID keys and the logout hook.
"""

from flask import Blueprint

bp = Blueprint("inbox", __name__)


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from ..auth import logins
    from . import (  # noqa: F401
        commands,  # command: send-digests
        demo,  # demo steps
        dispatch,  # and the hooks below
        push,
        vapid,
    )

    dispatch.init_app(app)  # messages: sent by mail or push after the commit
    vapid.ensure_keys(app)  # Web Push keys
    logins.ending.connect(push.forget_this_device, app)  # logout forgets this device


from . import views  # noqa: E402, F401  (routes)
