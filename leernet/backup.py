"""Consistent backups while the app serves, and restoring them.

SQLite: the online backup API copies a consistent snapshot page by page while workers
keep reading and writing (WAL). PostgreSQL: ``pg_dump`` (custom format) takes a
consistent snapshot in one transaction; ``pg_restore`` brings it back. Both tools come
with Debian's ``postgresql-client``. Connection details travel in ``PG*`` environment
variables, so the password never shows in the process list.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url


class BackupError(RuntimeError):
    pass


def backup(url, path):
    """Write a backup of the database at ``url`` to ``path``; return how it was made."""
    url = make_url(url)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    if url.get_backend_name() == "sqlite":
        _sqlite_copy(_sqlite_file(url), partial, standalone=True)
        how = "SQLite online backup"
    elif url.get_backend_name() == "postgresql":
        _run("pg_dump", url, "--format=custom", "--file", str(partial))
        how = "pg_dump, custom format"
    else:
        raise BackupError(f"backups of {url.get_backend_name()} databases are not supported")
    partial.replace(path)  # a backup file is always complete, never half-written
    return how


def restore(url, path):
    """Replace the database at ``url`` with the backup at ``path``."""
    url = make_url(url)
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"no backup at {path}")
    if url.get_backend_name() == "sqlite":
        if _header(path) != b"SQLite format 3\x00":
            raise BackupError(f"{path} is not a SQLite backup")
        _sqlite_copy(path, _sqlite_file(url))
        return "SQLite online backup"
    if url.get_backend_name() == "postgresql":
        _run(
            "pg_restore",
            url,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            url.database,
            str(path),
        )
        return "pg_restore"
    raise BackupError(f"restoring {url.get_backend_name()} databases is not supported")


def _header(path):
    with open(path, "rb") as handle:
        return handle.read(16)


def _sqlite_file(url):
    if not url.database or url.database == ":memory:":
        raise BackupError("this SQLite database has no file to back up")
    return Path(url.database)


def _sqlite_copy(source, target, standalone=False):
    """Copy ``source`` into ``target`` with the online backup API, as one snapshot.

    A ``standalone`` copy leaves WAL mode: one self-contained file, fit to move around.
    """
    if not Path(source).is_file():
        raise BackupError(f"no SQLite database at {source}")
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        for connection in (src, dst):
            connection.execute("PRAGMA busy_timeout=10000")
        src.backup(dst)
        if standalone:
            dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        src.close()
        dst.close()


def _run(tool, url, *args):
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed; on Debian: apt-get install postgresql-client")
    env = dict(os.environ)
    for name, value in (
        ("PGHOST", url.host),
        ("PGPORT", url.port),
        ("PGUSER", url.username),
        ("PGPASSWORD", url.password),
        ("PGDATABASE", url.database),
    ):
        if value is not None:
            env[name] = str(value)
    result = subprocess.run([tool, *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")
