"""Where push may go: a subscription's endpoint is a URL a browser (or a member) names.

Only ``https`` endpoints on the known push services' hosts are accepted; plain ``http``
or a loopback address only for an origin named in ``PUSH_ORIGINS`` (off by default; the
tests name their own 127.0.0.1 endpoint). When sending, the name is resolved once, every
address is checked (no loopback, private or link-local address unless the origin is
named), and the connection goes to the address that was checked: no second lookup, and
``http.client`` never follows a redirect.
"""

import base64
import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urlsplit

from flask import current_app
from flask_babel import gettext as _


class EndpointError(ValueError):
    """A subscription we refuse; the text is shown to the member."""


def _listed(setting):
    return [item.strip().lower() for item in current_app.config[setting].split(",") if item.strip()]


def _origin(parts):
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme}://{parts.hostname}:{port}"


def _named_origins():
    origins = set()
    for origin in _listed("PUSH_ORIGINS"):
        origins.add(_origin(urlsplit(origin)))
    return origins


def _known_host(host):
    for pattern in _listed("PUSH_HOSTS"):
        if host == pattern or (pattern.startswith("*.") and host.endswith(pattern[1:])):
            return True
    return False


def check(endpoint):
    """The endpoint's parts if we may send there; else ``EndpointError``."""
    if not isinstance(endpoint, str) or not endpoint or len(endpoint) > 1000:
        raise EndpointError(_("This device did not give a valid push address."))
    try:
        parts = urlsplit(endpoint)
        parts.port  # noqa: B018  (raises on a port that is not a number)
    except ValueError as error:
        raise EndpointError(_("This device did not give a valid push address.")) from error
    if parts.username or parts.password or not parts.hostname:
        raise EndpointError(_("This device did not give a valid push address."))
    if parts.scheme in ("http", "https") and _origin(parts) in _named_origins():
        return parts
    if parts.scheme == "https" and parts.port in (None, 443) and _known_host(parts.hostname):
        return parts
    raise EndpointError(
        _("This push service is not one leernet sends to. Ask your coordinator to add it.")
    )


def _decode(text, size, first=None):
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError):
        return None
    if len(raw) != size or (first is not None and raw[0] != first):
        return None
    return raw


def check_keys(p256dh, auth):
    """A P-256 public point (65 bytes) and a 16-byte secret, as RFC 8291 asks."""
    from cryptography.hazmat.primitives.asymmetric import ec

    point = _decode(p256dh, 65, 0x04) if isinstance(p256dh, str) else None
    secret = _decode(auth, 16) if isinstance(auth, str) else None
    if point is None or secret is None:
        raise EndpointError(_("This device gave malformed encryption keys for push."))
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError as error:
        raise EndpointError(_("This device gave malformed encryption keys for push.")) from error


def _address(parts):
    """The one address to connect to, checked after resolving the name once."""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    named = _origin(parts) in _named_origins()
    infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if named or address.is_global:
            return str(address), port
    raise OSError(f"push endpoint {parts.hostname} resolves to no public address")


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(_PinnedHTTP):
    default_port = 443

    def connect(self):
        super().connect()
        self.sock = ssl.create_default_context().wrap_socket(self.sock, server_hostname=self.host)


def post(endpoint, headers, body, timeout=5):
    """POST to a checked endpoint; returns the HTTP status. Raises OSError on failure."""
    parts = check(endpoint)
    address, port = _address(parts)
    kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
    connection = kind(parts.hostname, port, address, timeout)
    try:
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(4096)
        return response.status
    finally:
        connection.close()
