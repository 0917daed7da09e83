"""Coordinator pages for group links, and approving who joined through one."""

from flask import Response, flash, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..access import COORDINATOR, access
from ..extensions import db
from ..timeutil import utcnow
from ..web import go, render
from . import bp, group_links
from .forms import GroupLinkForm
from .invitations import qr_svg


@bp.route("/group-links", methods=["POST"])
@access(COORDINATOR)
def new_group_link():
    form = GroupLinkForm()
    if not form.validate_on_submit():
        flash(_("Choose between 1 and 90 days, and at most 500 people."), "error")
        return go(url_for("admin.invitations"))
    link = group_links.create(current_user, form.days.data, form.max_uses.data, form.approval.data)
    db.session.commit()
    flash(_("Group link created."), "success")
    return go(url_for("admin.group_link", link_id=link.id))


@bp.route("/group-links/<int:link_id>")
@access(COORDINATOR)
def group_link(link_id):
    link = db.get_or_404(group_links.GroupLink, link_id)
    return render("admin/group_link.html", link=link, url=group_links.link_url(link))


@bp.route("/group-links/<int:link_id>/qr.svg")
@access(COORDINATOR)
def group_link_qr(link_id):
    link = db.get_or_404(group_links.GroupLink, link_id)
    return Response(qr_svg(group_links.link_url(link)), mimetype="image/svg+xml")


@bp.route("/group-links/<int:link_id>/revoke", methods=["POST"])
@access(COORDINATOR)
def revoke_group_link(link_id):
    link = db.get_or_404(group_links.GroupLink, link_id)
    if link.state == "open":
        group_links.revoke(link, utcnow())
        db.session.commit()
        flash(_("The group link has been revoked; it no longer works."), "success")
    return go(url_for("admin.invitations"))


@bp.route("/join-requests/<int:request_id>/approve", methods=["POST"])
@access(COORDINATOR)
def approve(request_id):
    request_ = db.get_or_404(group_links.JoinRequest, request_id)
    name = request_.user.name
    group_links.approve(request_)
    db.session.commit()
    flash(_("%(name)s is now a member.", name=name), "success")
    return go(url_for("home.index"))


@bp.route("/join-requests/<int:request_id>/decline", methods=["POST"])
@access(COORDINATOR)
def decline(request_id):
    request_ = db.get_or_404(group_links.JoinRequest, request_id)
    group_links.decline(request_)
    db.session.commit()
    flash(_("The request has been declined."), "success")
    return go(url_for("home.index"))
