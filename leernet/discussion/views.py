"""The discussion under a proposal: adding a comment, changing one's own, hiding one.

The thread is shown on the decision page (``decisions/detail.py`` asks ``thread_context``);
these routes only write. A refused comment shows the decision again, the typed text kept.
"""

from flask import flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access import COORDINATOR, MEMBER, access
from ..decisions.detail import can_see, detail_context, load
from ..extensions import db
from ..moderation import hide
from ..web import form_status, go, render
from . import bp, notices
from .forms import CommentForm
from .models import ProposalComment
from .thread import DiscussionError, comment, edit, may_edit, refusal, thread_context


def _comment(comment_id):
    return db.get_or_404(ProposalComment, comment_id)


def _is_author(user, comment_id):
    return may_edit(user, _comment(comment_id))


def _to_thread(decision_id, anchor="discussion"):
    return go(url_for("decisions.detail", decision_id=decision_id) + f"#{anchor}")


def _shown_again(decision, form, status, error=None):
    context = {**detail_context(decision), **thread_context(decision, form)}
    return render("decisions/detail.html", status=status, error=error, **context)


@bp.route("/<int:decision_id>/comments", methods=["POST"])
@access(MEMBER, can_see)
def add(decision_id):
    decision = load(decision_id)
    form = CommentForm()
    closed = refusal(decision)  # a closed thread says so first, whatever was typed
    if closed:
        return _shown_again(decision, form, 409, str(closed))
    if not form.validate_on_submit():
        return _shown_again(decision, form, 422)
    try:
        item = comment(current_user, decision, form.body.data)
    except DiscussionError as error:
        db.session.rollback()
        return _shown_again(decision, form, 409, str(error))
    notices.commented(decision, item, current_user)
    db.session.commit()
    return _to_thread(decision_id, f"comment-{item.id}")


@bp.route("/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@access(MEMBER, _is_author)
def change(comment_id):
    item = _comment(comment_id)
    form = CommentForm(obj=item)
    error = None
    if form.validate_on_submit():
        try:
            edit(item, form.body.data)
        except DiscussionError as refused:
            db.session.rollback()
            error = str(refused)
        else:
            db.session.commit()
            flash(_("Saved."), "success")
            return _to_thread(item.decision_id, f"comment-{item.id}")
    status = 409 if error else form_status()
    return render("discussion/edit.html", form=form, item=item, error=error, status=status)


@bp.route("/comments/<int:comment_id>/hide", methods=["POST"])
@access(COORDINATOR)
def hide_comment(comment_id):
    item = _comment(comment_id)
    hide(item, current_user, request.form.get("hidden", "1") != "0")
    db.session.commit()
    return _to_thread(item.decision_id, f"comment-{item.id}")
