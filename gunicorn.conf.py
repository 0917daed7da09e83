"""gunicorn settings for ``make run`` (override with HOST, PORT, WEB_CONCURRENCY)."""

import ctypes
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# The app is loaded once, before the workers fork: they start from its memory rather than
# each importing everything again (less garbage left behind, a faster start).
preload_app = True
timeout = 30
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Workers only serve: the app leaves out the migration machinery (see leernet.create_app).
os.environ["LEERNET_SERVE_ONLY"] = "1"


def _give_large_blocks_back():
    """Each login hashes with Argon2 in several MiB. glibc raises its mmap threshold after such
    a block is freed, so later ones come from per-thread arenas and stay resident: every
    thread that handled a login would keep that much. A fixed threshold returns them at once.
    Set here in the master, the setting is inherited by the forked workers.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to tune
        return
    m_mmap_threshold = -3
    libc.mallopt(m_mmap_threshold, 1024 * 1024)


_give_large_blocks_back()


def post_fork(server, _worker):
    """Each worker opens its own database connections, never the master's."""
    from leernet.extensions import db

    with server.app.wsgi().app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
