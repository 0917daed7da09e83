"""``/board/``: the notice board, an item with its replies, and what its poster may do."""

from datetime import timedelta

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..access import COORDINATOR, MEMBER, access
from ..extensions import db
from ..members.models import ExpertiseTag
from ..moderation import hide
from ..value.figures import local_today
from ..web import external_url, form_status, go, render
from . import bp, notices
from .forms import ItemForm, ReplyForm
from .items import (
    FILTERS,
    KINDS,
    STATE_LABELS,
    BoardError,
    change,
    is_current,
    listing,
    may_change,
    post,
    reply,
    reply_counts,
    settle,
    share_text,
)
from .models import BoardItem, BoardReply

#: A new notice stays on the board this long unless its poster says otherwise.
DEFAULT_DAYS = 30


def _item(item_id):
    return db.get_or_404(BoardItem, item_id)


def _is_poster(user, item_id):
    return may_change(user, _item(item_id))


def _labels():
    return {"kinds": KINDS, "states": STATE_LABELS}


@bp.route("/")
@access(MEMBER)
def index():
    which = request.args.get("show", "current")
    which = which if which in FILTERS else "current"
    tag = ExpertiseTag.normalise(request.args.get("tag", ""))
    query = listing(which, current_user, tag).options(
        selectinload(BoardItem.author), selectinload(BoardItem.tags)
    )
    page = db.paginate(query, per_page=20, error_out=False, count=True)
    return render(
        "board/index.html",
        "board/_list.html",
        page=page,
        show=which,
        tag=tag,
        counts=reply_counts([item.id for item in page.items]),
        today=local_today(),
        **_labels(),
    )


@bp.route("/new", methods=["GET", "POST"])
@access(MEMBER)
def new():
    today = local_today()
    form = ItemForm(today=today, data={"ends_on": today + timedelta(days=DEFAULT_DAYS)})
    if form.validate_on_submit():
        item = post(
            current_user,
            form.kind.data,
            form.title.data,
            form.body.data,
            form.link.data,
            form.ends_on.data,
            form.tags.data,
        )
        notices.item_posted(item, current_user)
        db.session.commit()
        flash(_("Your notice is on the board."), "success")
        return go(url_for("board.detail", item_id=item.id))
    return render("board/form.html", form=form, item=None, status=form_status())


def _with_replies(item_id):
    item = db.session.scalar(
        select(BoardItem)
        .where(BoardItem.id == item_id)
        .options(
            selectinload(BoardItem.author),
            selectinload(BoardItem.tags),
            selectinload(BoardItem.replies).selectinload(BoardReply.author),
        )
    )
    if item is None:
        abort(404)
    return item


def _show(item, form=None, status=200, error=None):
    link = external_url("board.detail", item_id=item.id)
    return render(
        "board/detail.html",
        item=item,
        form=form or ReplyForm(formdata=None),
        current=is_current(item),
        may_change=may_change(current_user, item),
        share=share_text(item, link),
        today=local_today(),
        error=error,
        status=status,
        **_labels(),
    )


@bp.route("/<int:item_id>")
@access(MEMBER)
def detail(item_id):
    return _show(_with_replies(item_id))


@bp.route("/<int:item_id>/replies", methods=["POST"])
@access(MEMBER)
def add_reply(item_id):
    item = _with_replies(item_id)
    form = ReplyForm()
    if not form.validate_on_submit():
        return _show(item, form, status=422)
    try:
        reply(current_user, item, form.body.data)
    except BoardError as error:
        db.session.rollback()
        return _show(_with_replies(item_id), form, status=409, error=str(error))
    notices.replied(item, current_user)
    db.session.commit()
    flash(_("Your reply is under the notice."), "success")
    return go(url_for("board.detail", item_id=item_id) + "#replies")


@bp.route("/<int:item_id>/edit", methods=["GET", "POST"])
@access(MEMBER, _is_poster)
def edit(item_id):
    item = _item(item_id)
    form = ItemForm(obj=item, today=local_today())
    if not isinstance(form.tags.data, str):  # ``obj`` gave the tags (form without the field)
        form.tags.data = ", ".join(tag.name for tag in item.tags)
    if form.validate_on_submit():
        change(
            item,
            form.kind.data,
            form.title.data,
            form.body.data,
            form.link.data,
            form.ends_on.data,
            form.tags.data,
        )
        db.session.commit()
        flash(_("Saved."), "success")
        return go(url_for("board.detail", item_id=item.id))
    return render("board/form.html", form=form, item=item, status=form_status())


@bp.route("/<int:item_id>/state", methods=["POST"])
@access(MEMBER, _is_poster)
def state(item_id):
    item = _item(item_id)
    try:
        settle(item, request.form.get("state", ""))
    except BoardError as error:
        db.session.rollback()
        return _show(_with_replies(item_id), status=409, error=str(error))
    db.session.commit()
    flash(_("Saved."), "success")
    return go(url_for("board.detail", item_id=item.id))


@bp.route("/<int:item_id>/hide", methods=["POST"])
@access(COORDINATOR)
def hide_item(item_id):
    item = _item(item_id)
    hide(item, current_user, request.form.get("hidden", "1") != "0")
    db.session.commit()
    return go(url_for("board.detail", item_id=item.id))


@bp.route("/replies/<int:reply_id>/hide", methods=["POST"])
@access(COORDINATOR)
def hide_reply(reply_id):
    item = db.get_or_404(BoardReply, reply_id)
    hide(item, current_user, request.form.get("hidden", "1") != "0")
    db.session.commit()
    return go(url_for("board.detail", item_id=item.item_id) + f"#reply-{item.id}")
