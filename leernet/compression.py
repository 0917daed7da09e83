"""Compressed responses as ``make run`` serves them: brotli where the browser asks for it,
else gzip. Flask-Compress does the work; this module says what it leaves alone.

- A view marked ``@uncompressed``:
  - pages that show a secret (an invitation link, the outbox's reset and join links, the
    private calendar address) beside text an attacker can choose: compressed, their size
    would betray the secret a guess at a time (BREACH);
  - the timer's state poll: its answers are tiny, and Flask-Compress turns a strong ETag
    ``"7"`` into ``"7:br"``, which the poll's own ``If-None-Match`` check would no longer
    recognise.
  The CSRF token on every page is safe to compress: what it carries is worthless without
  its signature, which Flask-WTF makes afresh with the current second, far faster than
  it could be guessed a character at a time.
- Static files: ``assets`` compressed them once at start-up and sends them encoded.
- Anything but a complete ``200`` (a ``206`` range is a slice of the plain file).
- Responses that already carry ``Content-Encoding``. A proxy in front (README) likewise
  never compresses what the app has compressed, and must not compress on its own: it
  would compress the pages left alone above.
"""

from flask import request
from flask_compress import Compress

COMPRESSED_TYPES = [
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
    "text/calendar",
    "text/csv",
    "text/plain",
]


def uncompressed(view):
    """Declare that a view's responses are always sent as they are (see above)."""
    view.uncompressed = True
    return view


def init_app(app):
    app.config.update(
        COMPRESS_REGISTER=False,  # our hook below decides which responses get compressed
        COMPRESS_MIMETYPES=COMPRESSED_TYPES,
        COMPRESS_ALGORITHM=["br", "gzip"],
        # Brotli's quality 5 is where it clearly beats gzip on CSS and JS; the levels above
        # it cost many times the CPU for little more.
        COMPRESS_BR_LEVEL=5,
        # A member's text file from the library is sent as a stream (send_file); gzip too
        # for browsers without br.
        COMPRESS_ALGORITHM_STREAMING=["br", "gzip"],
    )
    compress = Compress(app)

    def compress_response(response):
        view = app.view_functions.get(request.endpoint)
        if response.status_code != 200 or getattr(view, "uncompressed", False):
            return response
        return compress.after_request(response)

    # Flask runs after_request hooks last-registered first: registered first, this one
    # runs last and sees every header the others set.
    app.after_request(compress_response)
