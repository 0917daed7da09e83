"""``/search``: one box over everything a member may see."""

from flask import request
from flask_login import current_user

from ..access import MEMBER, access
from ..web import render
from . import bp
from .engine import search
from .registry import KINDS


@bp.route("/search")
@access(MEMBER)
def page():
    q = request.args.get("q", "").strip()[:200]
    kind = request.args.get("kind", "")
    kind = kind if kind in KINDS else ""
    number = request.args.get("page", 1, type=int)
    results, query = search(current_user, q, kind=kind or None, page=max(number, 1))
    return render(
        "search/page.html",
        "search/_results.html",
        q=q,
        kind=kind,
        kinds=sorted(KINDS.values(), key=lambda k: k.name),
        results=results,
        query=query,
    )
