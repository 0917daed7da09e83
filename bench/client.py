"""A small HTTP client for a real server: cookies, the CSRF token, one login.

The benchmark and the load tests talk to gunicorn over TCP, where Flask's test client
cannot go. Each request opens its own connection: no stale keep-alive connection can
fail a request, and a POST is never retried behind the caller's back.
"""

import http.client
import re
import time
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urlencode, urlsplit

TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes
    seconds: float

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


class Session:
    """One visitor of the server at ``base_url``, logged in or not."""

    def __init__(self, base_url, timeout=15):
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.cookies = {}
        self.csrf_token = None

    def request(self, method, path, data=None, headers=None):
        sent = {"Accept-Language": "en", **(headers or {})}
        body = None
        if data is not None:
            body = urlencode(data)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=sent)
            raw = connection.getresponse()
            response = Response(raw.status, raw.headers, raw.read(), 0.0)
        finally:
            connection.close()
        response.seconds = time.perf_counter() - started
        self._keep_cookies(response.headers)
        match = TOKEN.search(response.text) if response.status == 200 else None
        if match:
            self.csrf_token = match.group(1)
        return response

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data):
        if self.csrf_token is None:
            self.get("/login")
        return self.request("POST", path, data={**data, "csrf_token": self.csrf_token})

    def login(self, email, password):
        response = self.post("/login", {"email": email, "password": password})
        if response.status != 303:
            raise RuntimeError(f"login of {email} failed: {response.status}")
        self.get("/")  # the session's own CSRF token, after login
        return self

    def _keep_cookies(self, headers):
        for line in headers.get_all("Set-Cookie") or []:
            pair, _, attributes = line.partition(";")
            name, _, value = pair.strip().partition("=")
            if value and "max-age=0" not in attributes.lower():
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
