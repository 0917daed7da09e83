"""Methods: the shipped templates and the network's own (coordinators copy and edit).

A shipped method is never changed in place: "copy" makes an editable template from it
in the coordinator's language. Sessions keep a snapshot of their method, so editing
or deleting a template never disturbs a session that uses it.
"""

from flask import abort, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from ...access import COORDINATOR, MEMBER, access
from ...extensions import db
from ...timeutil import utcnow
from ...web import form_status, go, render
from .. import bp, catalogue
from ..models import MethodTemplate
from ..plans import Plan, snapshot
from .forms import MethodForm

BLANK_ROWS = 3


def find(method_key):
    """``(method, template)`` for a shipped key or ``custom-<id>``; 404 otherwise."""
    method = catalogue.get_method(method_key)
    if method is not None:
        return method, None
    prefix, _sep, number = method_key.partition("-")
    if prefix == "custom" and number.isdigit():
        template = db.session.get(MethodTemplate, int(number))
        if template is not None:
            return template.to_method(), template
    abort(404)


@bp.route("/methods/")
@access(MEMBER)
def methods():
    custom = db.session.scalars(select(MethodTemplate).order_by(MethodTemplate.name)).all()
    return render(
        "intervision/methods.html",
        shipped=list(catalogue.METHODS.values()),
        custom=[(t, t.to_method()) for t in custom],
    )


@bp.route("/methods/<method_key>")
@access(MEMBER)
def method(method_key):
    item, template = find(method_key)
    plan = Plan(snapshot(item, template is None))
    return render("intervision/method.html", method=item, custom=template, plan=plan)


@bp.route("/methods/<method_key>/copy", methods=["POST"])
@access(COORDINATOR)
def copy_method(method_key):
    item, template = find(method_key)
    data = snapshot(item, shipped=False)  # in the coordinator's own language
    copy = MethodTemplate(
        name=_("%(name)s (own version)", name=data["name"])[:80],
        description=str(item.description),
        roles=data["roles"],
        phases=[
            {k: p[k] for k in ("name", "minutes", "instruction", "tip", "silent", "collects")}
            for p in data["phases"]
        ],  # fmt: skip
        turns=data["turns"],
        based_on=template.based_on if template else item.key,
        created_by_id=current_user.id,
    )
    db.session.add(copy)
    db.session.commit()
    flash(_("A copy is made. Change what you like and save."), "success")
    return go(url_for("intervision.edit_method", template_id=copy.id))


@bp.route("/methods/new", methods=["GET", "POST"])
@access(COORDINATOR)
def new_method():
    return _edit(MethodTemplate(roles=["facilitator", "case_bringer", "timekeeper"], phases=[]))


@bp.route("/methods/custom/<int:template_id>/edit", methods=["GET", "POST"])
@access(COORDINATOR)
def edit_method(template_id):
    return _edit(db.get_or_404(MethodTemplate, template_id))


def _edit(template):
    form = MethodForm(
        data=None
        if request.method == "POST"
        else {
            "name": template.name,
            "description": template.description,
            "roles": list(template.roles or []),
            "turns": template.turns or 1,
            "phases": list(template.phases or []),
        }
    )
    if form.validate_on_submit():
        template.name = form.name.data
        template.description = (form.description.data or "").strip()
        template.roles = [r for r in catalogue.ROLE_LABELS if r in form.roles.data]
        template.turns = form.turns.data
        template.phases = form.phase_data()
        template.updated_at = utcnow()
        if template.id is None:
            template.created_by_id = current_user.id
            db.session.add(template)
        db.session.commit()
        flash(_("Method saved."), "success")
        return go(url_for("intervision.method", method_key=template.key))
    while len(form.phases) < min(len(form.rows()) + BLANK_ROWS, form.phases.max_entries):
        form.phases.append_entry()
    return render("intervision/method_edit.html", form=form, custom=template,
                  status=form_status())  # fmt: skip


@bp.route("/methods/custom/<int:template_id>/delete", methods=["POST"])
@access(COORDINATOR)
def delete_method(template_id):
    template = db.get_or_404(MethodTemplate, template_id)
    db.session.delete(template)
    db.session.commit()
    flash(_("Method deleted. Sessions that used it keep their phases."), "success")
    return go(url_for("intervision.methods"))
