"""Home ("what matters to me now") and the health check."""

from flask import abort, jsonify, render_template
from flask_login import current_user
from sqlalchemy import text

from ..access import MEMBER, PUBLIC, access
from ..extensions import db
from ..web import render
from . import CARDS, bp, cards_for


@bp.route("/")
@access(PUBLIC)
def index():
    if not current_user.is_authenticated:
        return render("home/welcome.html")
    return render("home/index.html", cards=cards_for(current_user))


@bp.route("/cards/<card_name>")
@access(MEMBER)
def lazy_card(card_name):
    """One lazy home card, asked for by htmx once the home page is shown."""
    item = CARDS.get(card_name)
    if item is None or not item.lazy:
        abort(404)
    context = item.context(current_user)
    if context is None:
        return ""
    return render_template("home/_card.html", item=item, ctx=context)


@bp.route("/healthz")
@access(PUBLIC)
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any database failure means "down"
        db.session.rollback()
        return jsonify(app="ok", database="error", detail=type(error).__name__), 503
    return jsonify(app="ok", database="ok")
