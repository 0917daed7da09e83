"""gunicorn settings for ``make run`` (override with HOST, PORT, WEB_CONCURRENCY)."""

import ctypes
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
timeout = 30
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def _give_large_blocks_back():
    """Each login hashes with Argon2 in 19 MiB. glibc raises its mmap threshold after such
    a block is freed, so later ones come from per-thread arenas and stay resident: every
    thread that handled a login would keep 19 MiB. A fixed threshold returns them at once.
    Set here in the master, the setting is inherited by the forked workers.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to tune
        return
    m_mmap_threshold = -3
    libc.mallopt(m_mmap_threshold, 1024 * 1024)


_give_large_blocks_back()
