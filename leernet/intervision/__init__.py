"""Intervision (peer consultation): methods, fair role rotation and the live timer.

- ``core/``: the rules, without Flask or the database, proved by unit and property
  tests: ``timer`` (the shared phase timer's arithmetic), ``rotation`` (who holds which
  role), ``role_history`` (the roles held before: rotation's input), ``assignment``
  (swaps and hand-outs), ``grouping`` (small groups for a day), ``methods`` (phases).
- ``catalogue/``: the shipped methods.
- The session's own modules, over the database: ``models``, ``plans`` (a session's
  method, frozen at its creation), ``sessions``, ``roles`` (fair roles from the network's
  role history), ``live`` (the timer's controls and its poll), ``policy`` (who may see
  and control), ``privacy`` (case details that expire), ``minutes``, ``followup``,
  ``round_cards``.
- ``views/``: the routes of this blueprint, the page's context, forms and labels.
- ``plugins/``: what intervision adds to the rest of leernet, named in ``init_app``.
"""

import click
from flask import Blueprint
from flask.cli import with_appcontext

bp = Blueprint("intervision", __name__, url_prefix="/intervision")


@click.command("expire-cases")
@with_appcontext
def expire_cases():
    """Remove the case details of sessions whose keep-time has passed (for cron)."""
    from ..timeutil import utcnow
    from .privacy import sweep

    cleared = sweep(utcnow())
    click.echo(f"Sessions whose case details were removed: {cleared}")


def init_app(app):
    """Everything this feature plugs in besides its routes. Each module files its parts
    with the registry named beside it as it is imported: here, called by ``create_app``."""
    from ..cli import leernet_cli
    from . import live  # noqa: F401  auth.joined_loader: the state poll reads who asks with its row
    from .plugins import (  # noqa: F401
        cards,  # home card: intervision
        demo,  # demo steps
        export,  # export section: intervision
        meeting_section,  # meeting-page section: intervision
        session_subject,  # minutes subject: session
        value,  # value parts: roles on the journey, dashboard panels, report section, story links
    )

    leernet_cli.add_command(expire_cases)  # command: expire-cases


from .views import before_start, content, methods, room, session, setup  # noqa: E402, F401  (routes)
