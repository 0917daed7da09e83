"""A Web Push endpoint on 127.0.0.1, in the test process: what a push service does.

It checks the VAPID JWT (RFC 8292) against the key in the request, then decrypts the
aes128gcm payload (RFC 8291) with the subscription's private key. Nothing is mocked:
the app encrypts and signs for real, and this side undoes it for real.
"""

import base64
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature


def b64(raw):
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Device:
    """A browser's side of a subscription: its key pair and auth secret."""

    def __init__(self, endpoint):
        self.endpoint = endpoint
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = os.urandom(16)

    def subscription(self):
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {"endpoint": self.endpoint, "keys": {"p256dh": b64(point), "auth": b64(self.auth)}}


def check_vapid(header, audience):
    """The claims of a valid ``vapid t=...,k=...`` header; AssertionError otherwise."""
    assert header.startswith("vapid "), header
    fields = dict(part.strip().split("=", 1) for part in header[6:].split(","))
    token, key = fields["t"], unb64(fields["k"])
    head, body, signature = token.split(".")
    assert json.loads(unb64(head)) == {"typ": "JWT", "alg": "ES256"}
    raw = unb64(signature)
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), key)
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    public.verify(der, f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256()))
    claims = json.loads(unb64(body))
    assert claims["aud"] == audience, claims
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600, claims
    assert claims["sub"] == "https://leernet.example.org", claims
    return claims, fields["k"]


class PushService:
    """Serves ``/push/<name>``; answers each POST with the next status in ``answers``."""

    def __init__(self):
        self.devices = {}
        self.received = []  # (device name, decrypted payload dict, vapid key)
        self.answers = []
        self.errors = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                status = service.answers.pop(0) if service.answers else 201
                try:
                    service.receive(self.path, dict(self.headers), body)
                except Exception as error:  # noqa: BLE001  (reported to the test)
                    service.errors.append(repr(error))
                    status = 400
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def device(self, name):
        self.devices[name] = Device(f"{self.origin}/push/{name}")
        return self.devices[name]

    def receive(self, path, headers, body):
        name = path.rsplit("/", 1)[-1]
        device = self.devices[name]
        assert headers["Content-Encoding"] == "aes128gcm"
        assert int(headers["TTL"]) > 0
        _claims, key = check_vapid(headers["Authorization"], self.origin)
        plain = http_ece.decrypt(
            body, private_key=device.key, auth_secret=device.auth, version="aes128gcm"
        )
        self.received.append((name, json.loads(plain), key))

    def close(self):
        self.server.shutdown()
        self.server.server_close()
