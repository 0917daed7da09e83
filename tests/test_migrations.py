"""Migrations: they match the models, and each one upgrades a database holding data.

Generic over ``migrations/versions``: a new migration is walked automatically. The demo
is seeded at the first revision whose schema holds the models (in practice the head),
then the walk goes down to the oldest revision, keeping the data in every table that
survives, and back up one step at a time, so every upgrade runs on real rows.
"""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade
from sqlalchemy import MetaData, create_engine, select, text
from sqlalchemy.engine import make_url

from leernet import create_app
from leernet.demo import seed
from leernet.extensions import db
from leernet.search.schema import include_object

from .conftest import app_config

SCRATCH_SCHEMA = "migration_walk"


def test_flask_db_check_finds_no_difference(runner):
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0, f"models and migrations differ: {result.output}"


@pytest.fixture
def scratch_app(schema, tmp_path):
    """An app on an empty database of its own: a file, or a schema on PostgreSQL."""
    url = make_url(schema)
    postgres = url.get_backend_name() == "postgresql"
    if postgres:
        _recreate_schema(url, create=True)
        url = url.update_query_dict({"options": f"-csearch_path={SCRATCH_SCHEMA}"})
    else:
        url = url.set(database=str(tmp_path / "walk.sqlite3"))
    app = create_app(app_config(url.render_as_string(hide_password=False), tmp_path))
    yield app
    with app.app_context():
        db.engine.dispose()
    if postgres:
        _recreate_schema(make_url(schema), create=False)


def _recreate_schema(url, create):
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {SCRATCH_SCHEMA} CASCADE"))
        if create:
            connection.execute(text(f"CREATE SCHEMA {SCRATCH_SCHEMA}"))
    engine.dispose()


def revisions(app):
    """Every revision id, oldest first."""
    config = app.extensions["migrate"].migrate.get_config()
    script = ScriptDirectory.from_config(config)
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def schema_holds_models():
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        return compare_metadata(context, db.metadata) == []


def primary_keys():
    """``{table: sorted primary keys}`` of every data table there is now."""
    tables = MetaData()
    tables.reflect(db.engine)
    with db.engine.connect() as connection:
        return {
            name: sorted(connection.execute(select(*table.primary_key.columns)).all())
            for name, table in tables.tables.items()
            if table.primary_key.columns and name != "alembic_version"
        }


def test_every_migration_upgrades_a_database_with_demo_data(scratch_app):
    app = scratch_app
    with app.app_context():
        history = revisions(app)
        seeded_at = None
        for revision in history:
            upgrade(revision=revision)
            if seeded_at is None and schema_holds_models():
                with app.test_request_context():
                    seed()
                db.session.remove()  # no open transaction may block the migrations
                seeded_at = revision
        assert seeded_at is not None, "no revision's schema matches the models"
        seeded = primary_keys()

        for revision in reversed(history[:-1]):
            downgrade(revision=revision)
        oldest = primary_keys()
        assert all(oldest[name] == seeded[name] for name in oldest), "a downgrade lost rows"
        assert any(oldest.values()), "the walk down kept no data to upgrade"

        for revision in history[1:]:
            upgrade(revision=revision)
        assert schema_holds_models()
        after = primary_keys()
        assert all(after[name] == seeded[name] for name in oldest), "an upgrade lost rows"
        if db.engine.dialect.name == "sqlite":
            with db.engine.connect() as connection:
                assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
                assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
