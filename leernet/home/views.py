"""Home ("what matters to me now") and the health check."""

from flask import Blueprint, jsonify
from flask_login import current_user
from sqlalchemy import text

from ..access import PUBLIC, access
from ..extensions import db
from ..web import render
from . import cards_for

bp = Blueprint("home", __name__)


@bp.route("/")
@access(PUBLIC)
def index():
    if not current_user.is_authenticated:
        return render("home/welcome.html")
    return render("home/index.html", cards=cards_for(current_user))


@bp.route("/healthz")
@access(PUBLIC)
def healthz():
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any database failure means "down"
        db.session.rollback()
        return jsonify(app="ok", database="error", detail=type(error).__name__), 503
    return jsonify(app="ok", database="ok")
