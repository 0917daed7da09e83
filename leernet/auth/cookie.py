"""The session cookie, left alone by answers that carry nothing.

A signed-in session is permanent, so Flask re-signs and re-sends its cookie with every
response to slide its expiry. Phones poll the live timer every two seconds, and a
``204``/``304`` ("nothing changed") is most of what a worker does during a meeting:
re-signing the cookie there would cost more than the answer. The page the phone shows
(and every other page) still refreshes it; a session that changed is always saved.
"""

from flask.sessions import SecureCookieSessionInterface

QUIET = frozenset({204, 304})


class SessionInterface(SecureCookieSessionInterface):
    def save_session(self, app, session, response):
        if response.status_code in QUIET and not session.modified:
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)
