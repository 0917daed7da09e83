"""Uploaded files on disk: random names under ``UPLOAD_DIR``, never the member's name.

The directory may be shared storage for several app servers. A file is written to a
temporary name and renamed into place, so a crash never leaves half a file under a key.
"""

import contextlib
import os
import re
import secrets
import shutil
from pathlib import Path

KEY = re.compile(r"^[0-9a-f]{32}$")


def path_for(upload_dir, key):
    if not KEY.match(key or ""):
        raise ValueError("not a storage key")
    return Path(upload_dir) / key[:2] / key


def save(upload_dir, stream):
    """Store the stream's content; return its new random key."""
    key = secrets.token_hex(16)
    target = path_for(upload_dir, key)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(key + ".part")
    stream.seek(0)
    with open(temporary, "xb") as handle:
        shutil.copyfileobj(stream, handle, 1024 * 1024)
    os.replace(temporary, target)
    return key


def remove(upload_dir, key):
    with contextlib.suppress(ValueError):
        path_for(upload_dir, key).unlink(missing_ok=True)
