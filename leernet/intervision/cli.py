"""``flask --app app leernet expire-cases``: remove case details past their time, for cron."""

import click

from ..cli import leernet_cli
from ..timeutil import utcnow
from .privacy import sweep


@leernet_cli.command("expire-cases")
def expire_cases():
    """Remove the case details of sessions whose keep-time has passed."""
    cleared = sweep(utcnow())
    click.echo(f"Sessions whose case details were removed: {cleared}")
