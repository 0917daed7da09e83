"""Coordinator pages: network settings, invitations, outbox and member roles."""

from flask import Response, flash, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..access import COORDINATOR, access
from ..auth import resets
from ..compression import uncompressed
from ..extensions import db
from ..inbox.kinds import PASS_ON
from ..mail import OutboxMessage, smtp_configured
from ..members.accounts import AccountError, set_active, set_coordinator
from ..members.models import User
from ..timeutil import utcnow
from ..web import form_status, go, render
from . import bp
from .forms import GroupLinkForm, InvitationForm, NetworkForm
from .group_links import GroupLink
from .invitations import invite, join_link, qr_svg
from .models import Invitation, current_network


@bp.route("/", methods=["GET", "POST"])
@access(COORDINATOR)
def settings():
    network = current_network()
    form = NetworkForm(obj=network)
    if form.validate_on_submit():
        form.populate_obj(network)
        network.description = network.description.strip()
        db.session.commit()
        flash(_("The network settings have been saved."), "success")
        return go(url_for("admin.settings"))
    return render("admin/settings.html", form=form, status=form_status())


@bp.route("/invitations", methods=["GET", "POST"])
@access(COORDINATOR)
def invitations():
    form = InvitationForm()
    if form.validate_on_submit():
        invitation = invite(current_user, form.name.data or "", form.email.data or "")
        db.session.commit()
        flash(_("Invitation created."), "success")
        return go(url_for("admin.invitation", invitation_id=invitation.id))
    page = db.paginate(
        select(Invitation)
        .options(selectinload(Invitation.used_by))
        .order_by(Invitation.created_at.desc(), Invitation.id.desc()),
        per_page=20,
        error_out=False,
    )
    return render(
        "admin/invitations.html",
        form=form,
        page=page,
        group_form=GroupLinkForm(formdata=None),
        group_links=db.session.scalars(
            select(GroupLink).order_by(GroupLink.created_at.desc(), GroupLink.id.desc()).limit(10)
        ).all(),
        status=form_status(),
    )


@bp.route("/invitations/<int:invitation_id>")
@access(COORDINATOR)
@uncompressed
def invitation(invitation_id):
    item = db.get_or_404(Invitation, invitation_id)
    return render(
        "admin/invitation.html",
        invitation=item,
        link=join_link(item),
        emailed=smtp_configured() and bool(item.email),
    )


@bp.route("/invitations/<int:invitation_id>/qr.svg")
@access(COORDINATOR)
@uncompressed
def invitation_qr(invitation_id):
    item = db.get_or_404(Invitation, invitation_id)
    return Response(qr_svg(join_link(item)), mimetype="image/svg+xml")


@bp.route("/invitations/<int:invitation_id>/revoke", methods=["POST"])
@access(COORDINATOR)
def revoke(invitation_id):
    item = db.get_or_404(Invitation, invitation_id)
    if item.state == "open":
        item.revoked_at = utcnow()
        db.session.commit()
        flash(_("The invitation has been revoked; its link no longer works."), "success")
    return go(url_for("admin.invitations"))


@bp.route("/outbox")
@access(COORDINATOR)
@uncompressed
def outbox():
    page = db.paginate(
        select(OutboxMessage)
        .where(OutboxMessage.kind.in_(PASS_ON))  # a member's own messages are in their inbox
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc()),
        per_page=20,
        error_out=False,
    )
    return render("admin/outbox.html", page=page, smtp=smtp_configured())


@bp.route("/members")
@access(COORDINATOR)
def members():
    page = db.paginate(
        select(User)
        .where(User.erased.is_(False))
        .order_by(User.active.desc(), func.lower(User.name)),
        per_page=20,
        error_out=False,
    )
    return render("admin/members.html", page=page, waiting=resets.open_requests())


@bp.route("/members/<int:member_id>/reset", methods=["POST"])
@access(COORDINATOR)
def member_reset(member_id):
    """Approve a member's password reset with the code their browser shows them."""
    member = db.get_or_404(User, member_id)
    try:
        resets.approve(member, request.form.get("code", ""), current_user)
    except resets.ResetError as error:
        flash(str(error), "error")
    else:
        flash(
            _(
                "Approved: %(name)s now chooses a new password in their own browser.",
                name=member.name,
            ),
            "success",
        )
    db.session.commit()  # an approval, or a wrong code counted
    return go(url_for("admin.members"))


def _change_member(member_id, change, done_message):
    member = db.get_or_404(User, member_id)
    try:
        change(member)
    except AccountError as error:
        db.session.rollback()
        flash(str(error), "error")
    else:
        db.session.commit()
        flash(done_message % {"name": member.name}, "success")
    if request.form.get("back") == "profile":
        return go(url_for("members.profile", member_id=member.id))
    return go(url_for("admin.members"))


@bp.route("/members/<int:member_id>/role", methods=["POST"])
@access(COORDINATOR)
def member_role(member_id):
    make = request.form.get("coordinator") == "1"
    message = _("%(name)s is now a coordinator.") if make else _("%(name)s is now a member.")
    return _change_member(member_id, lambda m: set_coordinator(m, make), message)


@bp.route("/members/<int:member_id>/active", methods=["POST"])
@access(COORDINATOR)
def member_active(member_id):
    active = request.form.get("active") == "1"
    message = _("%(name)s has been reactivated.") if active else _("%(name)s has been deactivated.")
    return _change_member(member_id, lambda m: set_active(m, active), message)
