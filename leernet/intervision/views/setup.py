"""Preparing intervision: a meeting's sessions, standing groups, and the role history.

Whoever manages a meeting (its host, a coordinator) starts its sessions; coordinators
keep the standing groups. The history is for every member: who held which role how
often is what makes rotation fair, and seeing it keeps it honest.
"""

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import lazyload

from ...access import COORDINATOR, MEMBER, access
from ...extensions import db
from ...forms import choices
from ...meetings.attendance import present_members
from ...meetings.models import Meeting
from ...meetings.policy import manages_meeting
from ...members.models import User
from ...timeutil import utcnow
from ...web import form_status, go, render
from .. import bp, roles, sessions
from ..core import timer
from ..core.grouping import GroupingError
from ..models import IntervisionGroup, MethodTemplate, Participant, Session
from ..plans import method_choices, resolve
from .forms import GroupForm, SessionsForm


def templates():
    return db.session.scalars(select(MethodTemplate).order_by(MethodTemplate.name)).all()


@bp.route("/meeting/<int:meeting_id>/new", methods=["GET", "POST"])
@access(MEMBER, manages_meeting)
def new_sessions(meeting_id):
    meeting = db.get_or_404(Meeting, meeting_id)
    if meeting.cancelled:
        abort(404)
    custom = templates()
    groups = sessions.active_groups()
    form = SessionsForm()
    form.method.choices = choices(method_choices(custom))
    form.groups.choices = choices((g.id, g.name) for g in groups)
    error = None
    if form.validate_on_submit():
        method, shipped, template = resolve(form.method.data, custom)
        expires = form.expires_after_days.data
        try:
            if form.grouping.data == "standing":
                chosen = [g for g in groups if g.id in (form.groups.data or [])]
                if not chosen:
                    raise GroupingError("no group")
                made = sessions.for_standing(
                    meeting, chosen, method, shipped, template, current_user, expires
                )
            else:
                made = sessions.for_the_day(
                    meeting, method, shipped, template, form.size.data, form.mix.data,
                    current_user, expires,
                )  # fmt: skip
        except GroupingError as problem:
            db.session.rollback()
            error = _grouping_error(form, meeting, problem)
        else:
            db.session.commit()
            ready = ngettext(
                "%(num)d group is ready. Roles are proposed.",
                "%(num)d groups are ready. Roles are proposed.",
                len(made),
            )
            flash(ready, "success")
            return go(url_for("meetings.detail", meeting_id=meeting.id) + "#intervision")
    status = 422 if error else form_status()
    present = len(present_members(meeting))
    free = max(present - len(sessions.taken_ids(meeting)), 0)
    return render("intervision/new.html", form=form, meeting=meeting, error=error,
                  present=present, free=free, groups=groups, status=status)  # fmt: skip


def _grouping_error(form, meeting, problem):
    if problem.name:
        return ngettext(
            "%(name)s has only %(num)d member here; a group needs at least 3.",
            "%(name)s has only %(num)d members here; a group needs at least 3.",
            problem.count,
            name=problem.name,
        )
    if form.grouping.data == "standing":
        return _("Choose at least one standing group.")
    free = len(present_members(meeting)) - len(sessions.taken_ids(meeting))
    return ngettext(
        "%(num)d person has checked in and is not yet in a group; a group needs at least 3.",
        "%(num)d people have checked in and are not yet in a group; a group needs at least 3.",
        max(free, 0),
    )


@bp.route("/groups/")
@access(MEMBER)
def groups():
    items = db.session.scalars(
        select(IntervisionGroup).order_by(IntervisionGroup.active.desc(), IntervisionGroup.name)
    ).all()
    members = {}
    if items:
        rows = db.session.execute(
            select(IntervisionGroup.id, User)
            .join(IntervisionGroup.members)
            .where(IntervisionGroup.id.in_([g.id for g in items]))
            .options(lazyload(User.tags))
            .order_by(User.name)
        ).all()
        for group_id, user in rows:
            members.setdefault(group_id, []).append(user)
    return render("intervision/groups.html", groups=items, members=members)


@bp.route("/groups/new", methods=["GET", "POST"])
@access(COORDINATOR)
def new_group():
    return _edit_group(IntervisionGroup(active=True), is_new=True)


@bp.route("/groups/<int:group_id>/edit", methods=["GET", "POST"])
@access(COORDINATOR)
def edit_group(group_id):
    return _edit_group(db.get_or_404(IntervisionGroup, group_id), is_new=False)


def _edit_group(group, is_new):
    people = db.session.scalars(
        select(User).where(User.active.is_(True)).options(lazyload(User.tags)).order_by(User.name)
    ).all()
    form = GroupForm(obj=None if request.method == "POST" else group)
    form.members.choices = choices((u.id, u.name) for u in people)
    if request.method == "GET" and not is_new:
        form.members.data = [u.id for u in group.members]
    if form.validate_on_submit():
        group.name = form.name.data
        group.active = form.active.data
        chosen = set(form.members.data or [])
        group.members = [u for u in people if u.id in chosen]
        if is_new:
            db.session.add(group)
        db.session.commit()
        flash(_("Group saved."), "success")
        return go(url_for("intervision.groups"))
    return render("intervision/group_edit.html", form=form, group=group, is_new=is_new,
                  status=form_status())  # fmt: skip


@bp.route("/history")
@access(MEMBER)
def history():
    """Per member and role: how often and when last, in the rotation's window."""
    today = roles.local_date(utcnow())
    since = utcnow() - roles.WINDOW
    page = db.paginate(
        select(User).where(User.active.is_(True)).options(lazyload(User.tags)).order_by(User.name),
        per_page=20,
        error_out=False,
    )
    ids = [u.id for u in page.items]
    counts, sessions_in = {}, {}
    if ids:
        held = (
            select(
                Participant.user_id,
                Participant.held_role,
                func.count(),
                func.max(Meeting.starts_at),
            )
            .join(Session, Session.id == Participant.session_id)
            .join(Meeting, Meeting.id == Session.meeting_id)
            .where(
                Participant.user_id.in_(ids),
                Session.status != timer.READY,
                Meeting.starts_at >= since,
            )
            .group_by(Participant.user_id, Participant.held_role)
        )
        for user_id, role, number, last in db.session.execute(held):
            sessions_in[user_id] = sessions_in.get(user_id, 0) + number
            if role:
                counts[(user_id, role)] = (number, roles.local_date(last))
    return render("intervision/history.html", page=page, counts=counts,
                  sessions_in=sessions_in, today=today)  # fmt: skip
