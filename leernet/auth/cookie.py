"""The session cookie: read with one serializer, and left alone by answers that carry nothing.

A signed-in session is permanent, so Flask re-signs and re-sends its cookie with every
response to slide its expiry. Phones poll the live timer every two seconds, and a
``204``/``304`` ("nothing changed") is most of what a worker does during a meeting:
re-signing the cookie there would cost more than the answer. The page the phone shows
(and every other page) still refreshes it; a session that changed is always saved.
Static files never carry it: they are public and kept for a year, so a proxy's cache
could hand one member's cookie to the next, and ``Vary: Cookie`` with a cookie re-signed
every second would make the browser fetch them again on the next page.
"""

from flask import request
from flask.sessions import SecureCookieSessionInterface

QUIET = frozenset({204, 304})


class SessionInterface(SecureCookieSessionInterface):
    def __init__(self):
        self._serializers = {}

    def get_signing_serializer(self, app):
        """One serializer per secret key: Flask builds a new one for every request."""
        keys = (app.secret_key, *(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        serializer = self._serializers.get(keys)
        if serializer is None:
            serializer = self._serializers[keys] = super().get_signing_serializer(app)
        return serializer

    def save_session(self, app, session, response):
        if request.endpoint == "static":
            return
        if response.status_code in QUIET and not session.modified:
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)
