"""What the throughput test polls: the live timer's state endpoint, registered by its feature.

The feature's seeder module registers ``@poll_target(name)`` on ``fn(context) ->
PollTarget``; the benchmark logs in as ``role`` and sends ``headers`` with every request
(an ``If-None-Match`` with the current ETag measures the common case: nothing changed).
Each registered target is compared with ``/bench/ping``; the worst one is reported.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PollTarget:
    path: str
    role: str = "member"
    headers: dict = field(default_factory=dict)


POLL_TARGETS: dict[str, Callable] = {}


def poll_target(name):
    def register(func):
        POLL_TARGETS[name] = func
        return func

    return register
