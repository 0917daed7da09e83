"""gunicorn settings for ``make run`` (override with HOST, PORT, WEB_CONCURRENCY)."""

import ctypes
import gc
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '5000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
# Each worker listens on a socket of its own (SO_REUSEPORT) and the kernel spreads new
# connections over them. On one shared socket, a burst of phones connecting at once could
# all be accepted by whichever worker woke first, and keep-alive holds them there.
reuse_port = True
# The app is loaded once, before the workers fork: they start from its memory rather than
# each importing everything again (less garbage left behind, a faster start).
preload_app = True
timeout = 30
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Workers only serve: the app leaves out the migration machinery (see leernet.create_app).
os.environ["LEERNET_SERVE_ONLY"] = "1"


def _keep_workers_small():
    """glibc tuning, set here in the master and inherited by the forked workers.

    Each login hashes with Argon2 in several MiB. glibc raises its mmap threshold after such
    a block is freed, so later ones come from per-thread arenas and stay resident: every
    thread that handled a login would keep that much. A fixed threshold returns them at once.
    And each thread gets an arena of its own, each holding its own free pieces; with the GIL
    the threads hardly malloc at once, so two arenas do (3 MB less per worker, measured).
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to tune
        return
    m_mmap_threshold, m_arena_max = -3, -8
    libc.mallopt(m_mmap_threshold, 1024 * 1024)
    libc.mallopt(m_arena_max, 2)


_keep_workers_small()


def pre_fork(server, _worker):
    """The app's own objects, loaded once in the master, leave the garbage collector's view.

    Every template is compiled here first, so that workers share them too. A worker's full
    collections would otherwise walk every module, template and mapper on every pass
    (about 10 ms in the middle of whichever request allocated the most), and writing their
    reference counts would copy the master's memory pages into each worker.
    """
    templates = server.app.wsgi().jinja_env
    for name in templates.list_templates():
        templates.get_template(name)
    gc.collect()
    gc.freeze()


def post_fork(server, _worker):
    """Each worker opens its own database connections, never the master's."""
    from leernet.extensions import db

    with server.app.wsgi().app_context():
        for engine in db.engines.values():
            engine.dispose(close=False)
