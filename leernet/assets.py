"""Fingerprinted static URLs, so phones keep CSS and JS for a year and still get updates.

Each file's content hash is computed once at start-up; ``url_for('static', ...)`` adds it
as ``?v=<hash>``. A request carrying the current hash may be cached forever (the next
release changes the hash, hence the URL); any other request gets the default
revalidating answer, so a stale or missing hash never pins old content.

The compressible files (CSS, JS, SVG, the manifest) are compressed once too, brotli and
gzip at their strongest, and sent in the encoding the browser asks for. Compressing them
per request instead (Flask-Compress streams a file through an encoder of its own) would
cost a worker an encoder's memory for as long as a slow phone takes to download them.
"""

import gzip
import hashlib
import mimetypes
from pathlib import Path

import brotli
from flask import request

from . import access
from .compression import COMPRESSED_TYPES

ONE_YEAR = 365 * 24 * 3600
#: The encodings kept per file, the server's preference first (as for pages).
ENCODINGS = ("br", "gzip")
#: ``{sha256 of a file: {encoding: its bytes}}``, shared by every app in the process.
_ENCODED = {}


def fingerprints(folder):
    """``{relative path: short sha256}`` of every file below ``folder``."""
    root = Path(folder)
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        for path in root.rglob("*")
        if path.is_file()
    }


def encoded(folder):
    """``{relative path: {encoding: bytes}}`` of the compressible files below ``folder``."""
    root = Path(folder)
    found = {}
    for path in root.rglob("*"):
        if not path.is_file() or mimetypes.guess_type(path.name)[0] not in COMPRESSED_TYPES:
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest not in _ENCODED:
            _ENCODED[digest] = {
                "br": brotli.compress(data, quality=11),
                "gzip": gzip.compress(data, compresslevel=9, mtime=0),
            }
        found[path.relative_to(root).as_posix()] = _ENCODED[digest]
    return found


def send_encoded(response, variants):
    """The file's bytes in the encoding the browser prefers, if it takes one of them."""
    response.vary.add("Accept-Encoding")
    encoding = request.accept_encodings.best_match(ENCODINGS)
    if encoding is None:
        return response
    response.response.close()  # the file send_file opened
    response.direct_passthrough = False
    response.set_data(variants[encoding])
    response.headers["Content-Encoding"] = encoding
    etag, weak = response.get_etag()
    if etag:  # another body, another validator
        response.set_etag(f"{etag}:{encoding}", weak=weak)
    return response.make_conditional(request)


def init_app(app):
    hashes = fingerprints(app.static_folder)
    compressed = encoded(app.static_folder)
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
        if response.status_code == 200 and filename in compressed:
            return send_encoded(response, compressed[filename])
        return response

    static.access_policy = access.Policy(access.PUBLIC)
    app.view_functions["static"] = static
