"""``flask --app app leernet send-checkout-invites``: the after-meeting message, for cron."""

import click
from flask import current_app

from ..cli import base_url, leernet_cli
from ..timeutil import utcnow
from .notices import send_checkout_invites


@leernet_cli.command("send-checkout-invites")
def send_checkout_invites_command():
    """Ask those who came to a meeting how it was (each member once per meeting)."""
    with current_app.test_request_context(base_url=base_url()):
        sent = send_checkout_invites(utcnow())
    click.echo(f"Check-out invitations sent: {sent}")
