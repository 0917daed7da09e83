"""``flask --app app leernet reindex``: rebuild the search index from the data."""

import click

from ..cli import leernet_cli
from .index import reindex


@leernet_cli.command("reindex")
@click.option("--kind", "kinds", multiple=True, help="Only this kind (repeatable).")
def reindex_command(kinds):
    """Rebuild the search index (all kinds, or the ones given)."""
    from .registry import KINDS

    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise click.ClickException(f"not a kind of search: {', '.join(unknown)}")
    for name, count in reindex(list(kinds) or None).items():
        click.echo(f"{name}: {count}")
