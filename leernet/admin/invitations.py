"""Inviting people: a single-use, expiring, revocable link and its QR code."""

import io
import secrets
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import ngettext

from ..extensions import db
from ..mail import deliver
from ..timeutil import utcnow
from ..web import external_url
from .models import Invitation, current_network


def invite(created_by, name="", email=""):
    """Create an invitation and send (or outbox) its link; the caller commits."""
    days = current_app.config["INVITATION_DAYS"]
    invitation = Invitation(
        token=secrets.token_urlsafe(24),
        name=name.strip(),
        email=email.strip().lower(),
        created_by_id=created_by.id if created_by else None,
        expires_at=utcnow() + timedelta(days=days),
    )
    db.session.add(invitation)
    link = join_link(invitation)
    network = current_network()
    deliver(
        "invitation",
        _("You are invited to join %(network)s", network=network.name if network else "leernet"),
        ngettext(
            "Hello %(name)s,\n\nYou are invited to join our learning network on leernet. "
            "Open this link within %(num)d day to create your account:\n%(link)s",
            "Hello %(name)s,\n\nYou are invited to join our learning network on leernet. "
            "Open this link within %(num)d days to create your account:\n%(link)s",
            days,
            name=invitation.name or "",
            link=link,
        ),
        to_email=invitation.email,
        to_name=invitation.name,
        link=link,
    )
    return invitation


def join_link(invitation):
    return external_url("auth.join", token=invitation.token)


def qr_svg(link):
    """An SVG QR code to show on a screen in the room (no inline style: CSP-safe).

    segno is imported here: a worker that never shows a QR code keeps its 1.4 MB."""
    import segno

    out = io.BytesIO()
    segno.make(link, error="m").save(
        out, kind="svg", scale=8, border=2, xmldecl=False, svgns=True, title=_("Scan to join")
    )
    return out.getvalue()
