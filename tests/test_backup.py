"""Backup and restore round-trip a demo network, table by table, row by row."""

import pytest
from sqlalchemy import MetaData, select

from leernet.backup import BackupError, backup, restore
from leernet.extensions import db


def snapshot():
    """Every row of every table (Alembic's version table included), in key order."""
    tables = MetaData()
    tables.reflect(db.engine)
    with db.engine.connect() as connection:
        return {
            name: connection.execute(
                select(table).order_by(*(table.primary_key.columns or table.columns))
            ).all()
            for name, table in tables.tables.items()
        }


def wipe():
    db.session.remove()
    tables = MetaData()
    tables.reflect(db.engine)
    tables.drop_all(db.engine)


def test_backup_wipe_restore_gives_back_every_row(app, runner, tmp_path):
    assert runner.invoke(args=["leernet", "demo"]).exit_code == 0
    path = tmp_path / "leernet.backup"
    with app.app_context():
        before = snapshot()
    assert sum(len(rows) for rows in before.values()) > 20
    made = runner.invoke(args=["leernet", "backup", str(path)])
    assert made.exit_code == 0, made.output
    assert made.output.startswith(f"Backup written to {path} (")
    with app.app_context():
        wipe()
        assert snapshot() == {}
    restored = runner.invoke(args=["leernet", "restore", "--yes", str(path)])
    assert restored.exit_code == 0, restored.output
    with app.app_context():
        assert snapshot() == before


def test_restore_asks_first(app, runner, tmp_path):
    path = tmp_path / "leernet.backup"
    assert runner.invoke(args=["leernet", "backup", str(path)]).exit_code == 0
    answer = runner.invoke(args=["leernet", "restore", str(path)], input="n\n")
    assert answer.exit_code == 1 and "Aborted" in answer.output


def test_restore_refuses_what_is_not_a_backup(app, runner, tmp_path):
    junk = tmp_path / "junk.backup"
    junk.write_text("not a backup at all")
    result = runner.invoke(args=["leernet", "restore", "--yes", str(junk)])
    assert result.exit_code == 1 and "Error:" in result.output
    with app.app_context():
        assert "user" in snapshot(), "the database is left as it was"


def test_missing_postgresql_client_is_said_plainly(tmp_path, monkeypatch):
    monkeypatch.setattr("leernet.backup.shutil.which", lambda _tool: None)
    with pytest.raises(BackupError, match="apt-get install postgresql-client"):
        backup("postgresql://leernet@127.0.0.1/leernet", tmp_path / "b.dump")
    (tmp_path / "b.dump").write_bytes(b"PGDMP")
    with pytest.raises(BackupError, match="pg_restore is not installed"):
        restore("postgresql://leernet@127.0.0.1/leernet", tmp_path / "b.dump")
