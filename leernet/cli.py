"""``flask --app app leernet ...``: the coordinator's and cron's entry points."""

import os

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from .auth import models as tokens
from .config import LOCAL_HOSTS
from .extensions import db
from .members.models import User

leernet_cli = AppGroup("leernet", help="Manage this leernet network.")


def base_url():
    """Where people reach the app: LEERNET_BASE_URL, else HOST:PORT of ``make run``."""
    configured = current_app.config["BASE_URL"]
    if configured:
        return configured.rstrip("/")
    host = os.environ.get("HOST", "127.0.0.1")
    return f"http://{host}:{os.environ.get('PORT', '5000')}"


def has_coordinator():
    return db.session.scalar(select(User.id).where(User.is_coordinator.is_(True)).limit(1))


@leernet_cli.command("check-host")
def check_host():
    """Before ``make run`` serves: a HOST other machines reach needs the name they use.

    leernet answers only for the hosts it trusts (localhost, 127.0.0.1, the host of
    LEERNET_BASE_URL, LEERNET_EXTRA_HOSTS), so links never follow a forged Host header.
    """
    host = os.environ.get("HOST", "127.0.0.1")
    config = current_app.config
    if host in LOCAL_HOSTS or config["BASE_URL"] or config["EXTRA_HOSTS"]:
        return
    port = os.environ.get("PORT", "5000")
    click.echo(
        f"HOST={host} lets other machines connect, but leernet only answers requests for "
        f"{', '.join(current_app.config['TRUSTED_HOSTS'])}.\n"
        "Set the address people open, for example\n"
        f"  LEERNET_BASE_URL=https://leernet.example.org make run HOST={host}\n"
        "or, on a local network without a domain name,\n"
        f"  LEERNET_BASE_URL=http://192.168.1.20:{port} make run HOST={host}",
        err=True,
    )
    raise SystemExit(1)


@leernet_cli.command("setup-link")
def setup_link():
    """Print a fresh one-time setup link while the network has no coordinator."""
    if has_coordinator():
        return
    tokens.revoke_all(tokens.SETUP)
    plain = tokens.issue(tokens.SETUP)
    db.session.commit()
    click.echo(f"Setup: {base_url()}/setup?token={plain}")


@leernet_cli.command("create-coordinator")
@click.option("--name", prompt=True)
@click.option("--email", prompt=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--network", "network_name", default="", help="Network name (first run only).")
def create_coordinator(name, email, password, network_name):
    """Create a coordinator account (and the network on first run)."""
    from .admin.models import Network, current_network
    from .members.accounts import AccountError, create_user

    if len(password) < 10:
        raise click.ClickException("Use a password of at least 10 characters.")
    try:
        create_user(name, email, password, coordinator=True)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    if current_network() is None:
        db.session.add(Network(name=network_name or "leernet"))
    tokens.revoke_all(tokens.SETUP)
    db.session.commit()
    click.echo(f"Coordinator {email} created.")


@leernet_cli.command("invite")
@click.option("--name", default="")
@click.option("--email", default="")
def invite_command(name, email):
    """Create an invitation and print its link."""
    from .admin.invitations import invite, join_link

    with current_app.test_request_context(base_url=base_url()):
        invitation = invite(None, name, email)
        db.session.commit()
        click.echo(f"Invitation: {join_link(invitation)}")


@leernet_cli.command("demo")
def demo_command():
    """Seed a realistic demo network and print its demo accounts."""
    from .demo import seed

    with current_app.test_request_context(base_url=base_url()):
        for email, password, role in seed():
            click.echo(f"login: {email} {password} {role}")


@leernet_cli.command("backup")
@click.argument("path", type=click.Path(dir_okay=False))
def backup_command(path):
    """Write a consistent backup of the database to PATH (safe while the app serves)."""
    from .backup import BackupError, backup

    try:
        how = backup(db.engine.url, path)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written to {path} ({how}).")


@leernet_cli.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--yes", is_flag=True, help="Replace the database without asking.")
def restore_command(path, yes):
    """Replace the whole database with the backup at PATH."""
    from .backup import BackupError, restore

    target = db.engine.url.render_as_string(hide_password=True)
    if not yes:
        click.confirm(f"Replace everything in {target} with {path}?", abort=True)
    db.session.remove()
    db.engine.dispose()  # our own connections must not hold locks on what is replaced
    try:
        how = restore(db.engine.url, path)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Restored {path} into {target} ({how}).")
    click.echo("Run `flask --app app db upgrade` if the backup is older than this version.")
