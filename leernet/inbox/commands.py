"""``flask --app app leernet send-digests``: digests and the queue, for cron."""

import click

from ..cli import leernet_cli
from ..timeutil import utcnow
from .digests import send_digests
from .dispatch import send_stranded


@leernet_cli.command("send-digests")
def send_digests_command():
    """Send due digests and whatever waits in the queue (safe to run as often as you like)."""
    now = utcnow()
    waiting = send_stranded(now)
    made = send_digests(now)
    click.echo(f"Digests: {made}")
    click.echo(f"Sent from the queue: {waiting}")
