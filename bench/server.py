"""leernet under gunicorn, started as ``make run`` starts it, on a port of its own.

The benchmark measures it and the load tests hammer it, ``kill -9`` it and start it
again. The server runs in its own process group, so ending it ends every worker.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from .client import Session

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """``PYTHONOPTIMIZE=2 gunicorn -c gunicorn.conf.py app:app`` against ``database_url``."""

    def __init__(self, database_url, log_path, workers=2, port=None, **settings):
        self.workers = workers
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(log_path)
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "WEB_CONCURRENCY": str(workers),
            "PYTHONOPTIMIZE": "2",  # as ``make run``: no docstrings kept in the workers
            "LEERNET_SECRET_KEY": os.environ.get("LEERNET_SECRET_KEY", "leernet-harness-key"),
            **{f"LEERNET_{name}": str(value) for name, value in settings.items()},
        }
        self.process = None

    def start(self, timeout=30):
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [str(GUNICORN), "-c", "gunicorn.conf.py", "app:app"],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_path}")
            try:
                answered = Session(self.url, timeout=2).get("/healthz").status == 200
                if answered and len(self.worker_pids()) >= self.workers:  # all of them forked
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {self.log_path}")

    def worker_pids(self):
        """The worker processes (children of the gunicorn master)."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    def peak_rss_mb(self):
        """Largest peak resident memory (VmHWM) of any worker, in MB."""
        peaks = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
            peaks.append(int(line.split()[1]) / 1024)
        return max(peaks)

    def cpu_seconds(self):
        """User plus system CPU time used so far by the workers, per worker pid."""
        ticks = os.sysconf("SC_CLK_TCK")
        used = {}
        for pid in self.worker_pids():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            used[pid] = (int(fields[11]) + int(fields[12])) / ticks
        return used

    def kill(self):
        """``kill -9`` the master and every worker at once, as a crash would."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
