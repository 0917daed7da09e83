"""Action items: a meeting's actions, adding one, my actions, done, change, remove.

They live below ``/meetings/`` (an action mostly comes from a meeting or its minutes);
``/meetings/actions/mine`` is the member's own list, also shown as a home card.
"""

from flask import abort, flash, g, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access import MEMBER, access
from ..auth.views import safe_next
from ..extensions import db
from ..meetings.choices import an_id, meeting_choices
from ..meetings.models import Meeting
from ..members.accounts import choosable
from ..timeutil import utcnow
from ..web import form_status, go, render
from . import actions, bp, notices
from .forms import ActionForm
from .models import ActionItem, Minutes
from .policy import minutes_readable, resolve


def _action(action_id):
    action = g.get("action") or db.session.get(ActionItem, action_id)
    if action is None:
        abort(404)
    g.action = action
    return action


def sees_action(user, action_id, **_args):
    action = _action(action_id)
    if not actions.visible(user, action, lambda mid: minutes_readable(user, mid)):
        abort(404)
    return True


def changes_action(user, action_id, **_args):
    """Access rule: may see it, and is its owner, its maker or manages its meeting."""
    return sees_action(user, action_id) and actions.may_change(user, _action(action_id))


@bp.route("/meetings/<int:meeting_id>/actions")
@access(MEMBER)
def meeting_actions(meeting_id):
    doc = resolve(meeting_id=meeting_id)
    readable = {doc.minutes.id} if doc.minutes is not None and doc.may("read") else set()
    items = actions.visible_for_meeting(current_user, meeting_id, readable)
    return render(
        "minutes/meeting_actions.html",
        meeting=doc.obj,
        items=items,
        today=actions.today(),
        may_change=actions.may_change,
    )


def _link_target():
    """The meeting and minutes a new action belongs to, from ``?meeting=`` / ``?minutes=``."""
    minutes = meeting = None
    minutes_id = an_id(request.args.get("minutes"))
    if minutes_id is not None:
        minutes = db.session.get(Minutes, minutes_id)
        if minutes is None or not minutes_readable(current_user, minutes.id):
            abort(404)
    meeting_id = minutes.meeting_id if minutes else an_id(request.args.get("meeting"))
    if meeting_id is not None:
        meeting = db.session.get(Meeting, meeting_id)
        if meeting is None:
            abort(404)
    return meeting, minutes


def _back(meeting, minutes):
    if minutes is not None:
        from . import subjects

        subject = subjects.get(minutes.subject_kind)
        obj = subject.load(minutes.subject_id) if subject else None
        if obj is not None:
            return url_for("minutes.view", **subject.args(obj, minutes))
    if meeting is not None:
        return url_for("meetings.detail", meeting_id=meeting.id)
    return url_for("minutes.my_actions")


@bp.route("/meetings/actions/new", methods=["GET", "POST"])
@access(MEMBER)
def new_action():
    meeting, minutes = _link_target()
    form = ActionForm(
        owners=choosable(),
        meetings=meeting_choices(meeting.id if meeting else None),
        owner=current_user.id,
        meeting=meeting.id if meeting else 0,
    )
    if minutes is not None:
        del form.meeting
    if form.validate_on_submit():
        chosen = meeting.id if minutes is not None and meeting else (form.meeting.data or None)
        action = ActionItem(
            what=form.what.data,
            owner_id=form.owner.data,
            due_on=form.due_on.data,
            meeting_id=chosen,
            minutes_id=minutes.id if minutes else None,
            created_by_id=current_user.id,
        )
        db.session.add(action)
        db.session.flush()
        notices.assigned(action, current_user)
        db.session.commit()
        flash(_("The action has been added."), "success")
        return go(_back(db.session.get(Meeting, chosen) if chosen else None, minutes))
    return render(
        "minutes/action_form.html",
        form=form,
        action=None,
        meeting=meeting,
        minutes=minutes,
        back=_back(meeting, minutes),
        status=form_status(),
    )


@bp.route("/meetings/actions/mine")
@access(MEMBER)
def my_actions():
    done = request.args.get("done") == "1"
    page = db.paginate(actions.mine_query(current_user, done), per_page=30, error_out=False)
    return render(
        "minutes/my_actions.html",
        page=page,
        done=done,
        today=actions.today(),
    )


@bp.route("/meetings/actions/<int:action_id>/done", methods=["POST"])
@access(MEMBER, changes_action)
def action_done(action_id):
    action = _action(action_id)
    action.done_at = None if request.form.get("done") == "0" else (action.done_at or utcnow())
    action.updated_at = utcnow()
    db.session.commit()
    if action.done:
        flash(_("Done: %(what)s", what=action.what), "success")
    return go(safe_next(request.form.get("next") or url_for("minutes.my_actions")))


@bp.route("/meetings/actions/<int:action_id>/edit", methods=["GET", "POST"])
@access(MEMBER, changes_action)
def edit_action(action_id):
    action = _action(action_id)
    form = ActionForm(
        data={
            "what": action.what,
            "owner": action.owner_id,
            "due_on": action.due_on,
            "meeting": action.meeting_id or 0,
        },
        owners=choosable(action.owner_id),
        meetings=meeting_choices(action.meeting_id),
    )
    if action.minutes_id is not None:
        del form.meeting
    if form.validate_on_submit():
        before = action.owner_id
        action.what, action.owner_id, action.due_on = (
            form.what.data,
            form.owner.data,
            form.due_on.data,
        )
        if action.minutes_id is None:
            action.meeting_id = form.meeting.data or None
        action.updated_at = utcnow()
        db.session.flush()
        if action.owner_id != before:
            db.session.refresh(action, ["owner"])
            notices.assigned(action, current_user)
        db.session.commit()
        flash(_("Saved."), "success")
        return go(_back(action.meeting, action.minutes))
    return render(
        "minutes/action_form.html",
        form=form,
        action=action,
        meeting=action.meeting,
        minutes=action.minutes,
        back=_back(action.meeting, action.minutes),
        status=form_status(),
    )


@bp.route("/meetings/actions/<int:action_id>/delete", methods=["POST"])
@access(MEMBER, changes_action)
def delete_action(action_id):
    action = _action(action_id)
    back = _back(action.meeting, action.minutes)
    db.session.delete(action)
    db.session.commit()
    flash(_("The action has been removed."), "success")
    return go(back)
