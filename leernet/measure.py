"""Hooks the benchmark switches on (``LEERNET_BENCH``, ``LEERNET_COUNT_QUERIES``).

``/bench/ping`` is a trivial endpoint that passes through the same server, hooks and
headers as every page: the reference the live timer's poll is compared against. The
query counter puts the number of SQL statements of each request in ``X-Query-Count``.
Both are off unless set, and cost nothing then.
"""

from flask import g, has_request_context
from sqlalchemy import event

from .access import PUBLIC, access
from .extensions import db

QUERY_COUNT_HEADER = "X-Query-Count"


@access(PUBLIC)
def ping():
    return "pong", 200, {"Content-Type": "text/plain"}


def _count_statement(*_args):
    if has_request_context():
        g.query_count = g.get("query_count", 0) + 1


def _report_count(response):
    response.headers[QUERY_COUNT_HEADER] = str(g.get("query_count", 0))
    return response


def init_app(app):
    if app.config["BENCH"]:
        app.add_url_rule("/bench/ping", "bench_ping", ping)
    if app.config["COUNT_QUERIES"]:
        with app.app_context():
            event.listen(db.engine, "before_cursor_execute", _count_statement)
        app.after_request(_report_count)
