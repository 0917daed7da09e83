"""Error pages in the app's own style, for people and for htmx alike."""

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError, SecurityError

from .extensions import db

MESSAGES = {
    400: (_l("Something was wrong with that request"), _l("Please go back and try again.")),
    403: (_l("Not for you, sorry"), _l("You do not have access to this page.")),
    404: (_l("Page not found"), _l("This page does not exist (any more).")),
    405: (_l("Not allowed"), _l("This page cannot be used like that.")),
    410: (_l("This link no longer works"), _l("It was already used, has expired or was revoked.")),
    413: (_l("Too large"), _l("What you sent is larger than this network allows.")),
    429: (
        _l("Too many attempts"),
        _l("Please wait a minute before you try again."),
    ),
    500: (_l("Something went wrong on our side"), _l("Please try again in a moment.")),
}


def error_page(code, message=None):
    title, default = MESSAGES.get(code, MESSAGES[400])
    html = render_template("errors/error.html", code=code, title=title, message=message or default)
    return html, code


def _http_error(error: HTTPException):
    return error_page(error.code if error.code in MESSAGES else 400)


def _csrf_error(_error):
    return error_page(400, _l("The form had expired. Please go back, reload and try again."))


def _untrusted_host(_error):
    """A request for a host this server does not serve (``config.trusted_hosts``): no URL
    can be built for it, so no page either; a short plain answer."""
    return "This server does not answer for that host name.\n", 400, {"Content-Type": "text/plain"}


def _server_error(_error):
    db.session.rollback()
    return error_page(500)


def register(app):
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(SecurityError, _untrusted_host)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(InternalServerError, _server_error)
