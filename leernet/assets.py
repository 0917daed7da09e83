"""Fingerprinted static URLs, so phones keep CSS and JS for a year and still get updates.

Each file's content hash is computed once at start-up; ``url_for('static', ...)`` adds it
as ``?v=<hash>``. A request carrying the current hash may be cached forever (the next
release changes the hash, hence the URL); any other request gets the default
revalidating answer, so a stale or missing hash never pins old content.
"""

import hashlib
from pathlib import Path

from flask import request

from . import access

ONE_YEAR = 365 * 24 * 3600


def fingerprints(folder):
    """``{relative path: short sha256}`` of every file below ``folder``."""
    root = Path(folder)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        for path in root.rglob("*")
        if path.is_file()
    }


def init_app(app):
    hashes = fingerprints(app.static_folder)
    serve = app.view_functions["static"]

    @app.url_defaults
    def add_fingerprint(endpoint, values):
        if endpoint == "static" and "v" not in values:
            digest = hashes.get(values.get("filename", ""))
            if digest:
                values["v"] = digest

    def static(filename):
        response = serve(filename=filename)
        if response.status_code in (200, 304) and request.args.get("v") == hashes.get(filename):
            response.cache_control.no_cache = False  # send_file's default: revalidate each time
            response.cache_control.public = True
            response.cache_control.max_age = ONE_YEAR
            response.cache_control.immutable = True
        return response

    static.access_policy = access.Policy(access.PUBLIC)
    app.view_functions["static"] = static
