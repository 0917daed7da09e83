"""The member directory ("who can I ask about X?"), profiles and one's own data."""

import json

from flask import Response, abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from ..access import MEMBER, access
from ..extensions import db
from ..security import check_password
from ..web import form_status, go, render
from . import bp, export
from .accounts import AccountError, erase, set_tags
from .forms import EraseForm, ProfileForm
from .models import ExpertiseTag, User, user_tags
from .wishes import learners


def directory_query(text, tag):
    """Active members matching a name or an expertise tag, by name."""
    query = select(User).where(User.active.is_(True), User.erased.is_(False))
    if tag:
        query = query.where(User.tags.any(ExpertiseTag.name == tag))
    if text:
        like = f"%{text.lower()}%"
        query = query.where(
            or_(func.lower(User.name).like(like), User.tags.any(ExpertiseTag.name.like(like)))
        )
    return query.options(selectinload(User.tags)).order_by(func.lower(User.name), User.id)


def popular_tags(limit=12):
    count = func.count(user_tags.c.user_id)
    return db.session.execute(
        select(ExpertiseTag.name, count.label("n"))
        .join(user_tags, user_tags.c.tag_id == ExpertiseTag.id)
        .join(User, User.id == user_tags.c.user_id)
        .where(User.active.is_(True))
        .group_by(ExpertiseTag.name)
        .order_by(count.desc(), ExpertiseTag.name)
        .limit(limit)
    ).all()


@bp.route("/")
@access(MEMBER)
def directory():
    text = request.args.get("q", "").strip()[:100]
    tag = ExpertiseTag.normalise(request.args.get("tag", ""))
    page = db.paginate(directory_query(text, tag), per_page=20, error_out=False, count=True)
    return render(
        "members/directory.html",
        "members/_results.html",
        page=page,
        q=text,
        tag=tag,
        tags=popular_tags(),
        learners=learners(text, tag, exclude=current_user.id),
    )


@bp.route("/<int:member_id>")
@access(MEMBER)
def profile(member_id):
    member = db.get_or_404(User, member_id)
    if member.erased:
        abort(404)
    return render("members/profile.html", member=member)


@bp.route("/me", methods=["GET", "POST"])
@access(MEMBER)
def edit():
    user = current_user
    form = ProfileForm(
        obj=user,
        expertise=", ".join(t.name for t in user.tags),
        language=user.locale,
    )
    if not isinstance(form.wishes.data, str):  # ``obj`` gave the tags (form without the field)
        form.wishes.data = ", ".join(t.name for t in user.wishes)
    if form.validate_on_submit():
        user.name = form.name.data
        user.bio = form.bio.data.strip()
        user.contact = form.contact.data
        user.contact_detail = form.contact_detail.data.strip()
        user.locale = form.language.data
        user.notify_meetings = form.notify_meetings.data
        set_tags(user, form.expertise.data)
        set_tags(user, form.wishes.data, "wishes")
        db.session.commit()
        flash(_("Your profile has been saved."), "success")
        return go(url_for("members.profile", member_id=user.id))
    return render("members/edit.html", form=form, status=form_status())


@bp.route("/me/export")
@access(MEMBER)
def download():
    data = json.dumps(export.collect(current_user), ensure_ascii=False, indent=2)
    return Response(
        data,
        mimetype="application/json",
        headers={"Content-Disposition": 'attachment; filename="leernet-my-data.json"'},
    )


@bp.route("/me/erase", methods=["GET", "POST"])
@access(MEMBER)
def erase_account():
    form = EraseForm()
    if form.validate_on_submit():
        if not check_password(current_user.password_hash, form.password.data):
            form.password.errors.append(_("This is not your current password."))
        else:
            try:
                erase(current_user)
            except AccountError as error:
                form.password.errors.append(str(error))
            else:
                db.session.commit()
                logout_user()
                flash(_("Your account has been erased. Thank you for taking part."), "success")
                return go(url_for("auth.login"))
    return render("members/erase.html", form=form, status=form_status())
