"""Load from a separate process: Debian's ``wrk`` (C, event-driven, a fraction of a core).

Its own CPU time is measured too, so the report can show that the load generator was
not the bottleneck.
"""

import re
import resource
import shutil
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class LoadResult:
    requests_per_second: float
    p99_ms: float
    bad_responses: int
    socket_errors: int
    wrk_cpu_seconds: float


def require_wrk():
    if shutil.which("wrk") is None:
        raise SystemExit("make bench needs wrk: apt-get install -y wrk")


def _children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(url, seconds, connections=50, headers=None):
    command = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    before = _children_cpu()
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return LoadResult(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p99_ms=float(p99.group(1)) * UNITS[p99.group(2)],
        bad_responses=int(bad.group(1)) if bad else 0,
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        wrk_cpu_seconds=_children_cpu() - before,
    )
