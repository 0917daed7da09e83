"""View helpers shared by every blueprint: one view, full page or htmx fragment."""

from flask import current_app, redirect, render_template, request, url_for
from flask_htmx import make_response as htmx_response
from flask_login import current_user

from .extensions import htmx


def wants_fragment():
    """True for an htmx request that asked for part of a page.

    Boosted navigation and history restores need the whole page.
    """
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render(template, fragment=None, status=200, **context):
    """Render ``template``, or only ``fragment`` when htmx asked for a fragment."""
    name = fragment if fragment and wants_fragment() else template
    if name == template and current_user.is_authenticated:
        from .inbox.queries import unread_count  # the navigation's count, once per page

        context.setdefault("unread", unread_count(current_user.id))
    response = htmx_response(render_template(name, **context), status)
    response.vary.update(("HX-Request", "HX-Boosted"))
    return response


#: How htmx fetches the page ``go()`` sends it to. htmx's own follow-up GET is a plain
#: htmx request, which ``render()`` would answer with a fragment swapped into ``<body>``
#: (a page without header, navigation or footer); marked as boosted navigation it gets
#: the whole page, as a boosted link would, and starts at the top like one.
WHOLE_PAGE = {
    "target": "body",
    "swap": "innerHTML show:window:top",
    "headers": {"HX-Boosted": "true"},
}


def go(url):
    """After a POST: ``HX-Location`` to the whole page for htmx (no 302 inside an XHR), 303
    otherwise."""
    if htmx:
        return htmx_response("", location={"path": url, **WHOLE_PAGE})
    return redirect(url, code=303)


def form_status():
    """Status for a form shown again with errors: 422 after a failed POST."""
    return 422 if request.method == "POST" else 200


def external_url(endpoint, **values):
    """An absolute link for messages: ``LEERNET_BASE_URL`` behind a proxy, else the request's."""
    base = current_app.config["BASE_URL"]
    if base:
        return base.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)
