"""Count the SQL statements a request runs (pages must stay at or under 12)."""

from contextlib import contextmanager

from sqlalchemy import event

from leernet.extensions import db


@contextmanager
def counting(app):
    statements = []

    def note(_conn, _cursor, statement, *_args):
        statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", note)
