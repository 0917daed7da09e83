"""``flask --app app leernet send-reminders``: the day-before reminder, for cron."""

import click
from flask import current_app

from ..cli import base_url, leernet_cli
from ..timeutil import utcnow
from .notices import send_reminders


@leernet_cli.command("send-reminders")
def send_reminders_command():
    """Remind members of tomorrow's meetings (safe to run as often as you like)."""
    with current_app.test_request_context(base_url=base_url()):
        sent = send_reminders(utcnow())
    click.echo(f"Reminders sent: {sent}")
