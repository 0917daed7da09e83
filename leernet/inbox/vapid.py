"""The VAPID key pair (RFC 8292) that signs every push, and who push services may contact.

Generated into ``instance/`` on first start like the secret key, or set by environment
(``LEERNET_VAPID_PRIVATE_KEY``, the same on every app server; each start then derives
the public key). Workers otherwise read two small files: only the first start imports
``cryptography`` to make them.
"""

import os
import time
from pathlib import Path

from flask import current_app

PRIVATE_FILE, PUBLIC_FILE = "vapid_private.pem", "vapid_public.txt"


def ensure_keys(app):
    """VAPID keys from the environment, else from ``instance/``, made on first start.

    Like the secret key, ``O_EXCL`` lets exactly one of several starting workers write.
    """
    if app.config["VAPID_PRIVATE_KEY"]:
        if not app.config["VAPID_PUBLIC_KEY"]:
            app.config["VAPID_PUBLIC_KEY"] = _public_of(app.config["VAPID_PRIVATE_KEY"])
        return
    folder = Path(app.instance_path)
    private, public = folder / PRIVATE_FILE, folder / PUBLIC_FILE
    try:
        fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _try in range(10):
            if public.exists() and public.read_text().strip():
                break
            time.sleep(0.1)
    else:
        pem = _new_private_pem()
        with os.fdopen(fd, "w") as handle:
            handle.write(pem)
        public.write_text(_public_of(pem))
    app.config["VAPID_PRIVATE_KEY"] = private.read_text()
    app.config["VAPID_PUBLIC_KEY"] = public.read_text().strip()


def _new_private_pem():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def _public_of(pem):
    """The applicationServerKey browsers need: the raw public point, base64url."""
    import base64

    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(pem.encode(), password=None)
    raw = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def subject():
    """Who push services may contact: a configured address, else the https base URL,
    else the sender address; a plain-http test install names its own URL."""
    config = current_app.config
    base = config["BASE_URL"].rstrip("/")
    for subject in (config["VAPID_SUBJECT"], base if base.startswith("https://") else ""):
        if subject:
            return subject
    if config["MAIL_SENDER"] and not config["MAIL_SENDER"].endswith("@localhost"):
        return "mailto:" + config["MAIL_SENDER"]
    from ..cli import base_url

    return base_url()
