"""``/questions/``: ask the network, answer, and mark the answer that helped."""

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..access import MEMBER, access
from ..extensions import db
from ..mail import deliver
from ..web import external_url, form_status, go, render
from . import bp, notices
from .board import (
    FILTERS,
    answer,
    answer_counts,
    ask,
    listing,
    mark_helpful,
    may_change_answer,
    may_change_question,
    remove_answer,
    suggestions,
)
from .forms import AnswerForm, QuestionForm
from .models import Answer, Question


def _question(question_id):
    return db.get_or_404(Question, question_id)


def _question_with_answers(question_id):
    question = db.session.scalar(
        select(Question)
        .where(Question.id == question_id)
        .options(
            selectinload(Question.asked_by),
            selectinload(Question.answers).selectinload(Answer.author),
        )
    )
    if question is None:
        abort(404)
    return question


def _answer(answer_id):
    return db.get_or_404(Answer, answer_id)


def _may_change_question(user, question_id):
    return may_change_question(user, _question(question_id))


def _may_change_answer(user, answer_id):
    return may_change_answer(user, _answer(answer_id))


@bp.route("/")
@access(MEMBER)
def index():
    which = request.args.get("show", "open")
    which = which if which in FILTERS else "open"
    query = listing(which, current_user).options(selectinload(Question.asked_by))
    page = db.paginate(query, per_page=20, error_out=False, count=True)
    counts = answer_counts([q.id for q in page.items])
    return render(
        "questions/index.html", "questions/_list.html", page=page, show=which, counts=counts
    )


@bp.route("/ask", methods=["GET", "POST"])
@access(MEMBER)
def new():
    form = QuestionForm()
    if form.validate_on_submit():
        question = ask(current_user, form.title.data, form.body.data)
        notices.question_asked(question, current_user)
        db.session.commit()
        flash(_("Your question is on the board. You will hear when someone answers."), "success")
        return go(url_for("questions.detail", question_id=question.id))
    return render("questions/ask.html", form=form, status=form_status())


def _show(question, form, status=200):
    return render(
        "questions/detail.html",
        question=question,
        form=form,
        suggested=suggestions(question),
        may_change_question=may_change_question,
        may_change_answer=may_change_answer,
        status=status,
    )


@bp.route("/<int:question_id>")
@access(MEMBER)
def detail(question_id):
    return _show(_question_with_answers(question_id), AnswerForm())


@bp.route("/<int:question_id>/answers", methods=["POST"])
@access(MEMBER)
def add_answer(question_id):
    question = _question_with_answers(question_id)
    form = AnswerForm()
    if not form.validate_on_submit():
        return _show(question, form, status=422)
    answer(current_user, question, form.body.data)
    asker = question.asked_by
    if asker is not None and asker.id != current_user.id and asker.is_active:
        deliver(
            "answer",
            _("%(name)s answered your question", name=current_user.name),
            f"{question.title}\n\n{form.body.data.strip()}",
            user=asker,
            link=external_url("questions.detail", question_id=question.id),
        )
    db.session.commit()
    flash(_("Thank you for your answer."), "success")
    return go(url_for("questions.detail", question_id=question.id))


@bp.route("/<int:question_id>/edit", methods=["GET", "POST"])
@access(MEMBER, _may_change_question)
def edit(question_id):
    question = _question(question_id)
    form = QuestionForm(obj=question)
    if form.validate_on_submit():
        question.title = form.title.data.strip()
        question.body = form.body.data.strip()
        db.session.commit()
        flash(_("Saved."), "success")
        return go(url_for("questions.detail", question_id=question.id))
    return render("questions/edit.html", form=form, question=question, status=form_status())


@bp.route("/<int:question_id>/delete", methods=["POST"])
@access(MEMBER, _may_change_question)
def delete(question_id):
    db.session.delete(_question(question_id))
    db.session.commit()
    flash(_("The question has been removed."), "success")
    return go(url_for("questions.index"))


@bp.route("/answers/<int:answer_id>/helpful", methods=["POST"])
@access(MEMBER)
def helpful(answer_id):
    item = _answer(answer_id)
    question = item.question
    back = url_for("questions.detail", question_id=question.id) + f"#answer-{item.id}"
    if question.asked_by_id != current_user.id:
        flash(_("Only the person who asked can mark an answer as helpful."), "error")
        return go(back)
    mark_helpful(question, item, helpful=request.form.get("helpful", "1") != "0")
    db.session.commit()
    return go(back)


@bp.route("/answers/<int:answer_id>/delete", methods=["POST"])
@access(MEMBER, _may_change_answer)
def delete_answer(answer_id):
    item = _answer(answer_id)
    question_id = item.question_id
    remove_answer(item)
    db.session.commit()
    flash(_("The answer has been removed."), "success")
    return go(url_for("questions.detail", question_id=question_id))
