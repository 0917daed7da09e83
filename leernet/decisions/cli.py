"""``flask --app app leernet close-decisions``: for cron, e.g. every five minutes."""

import click
from flask import current_app

from ..cli import base_url, leernet_cli
from ..extensions import db
from ..timeutil import utcnow
from .closing import sweep


@leernet_cli.command("close-decisions")
def close_decisions():
    """Close the decisions whose time has come; send "closing soon" notices."""
    with current_app.test_request_context(base_url=base_url()):
        closed, reminded = sweep(utcnow())
        db.session.commit()
    click.echo(f"Decisions closed: {closed}; closing-soon notices sent: {reminded}")
