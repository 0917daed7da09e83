"""The waiting list of a meeting with limited places, as a pure rule.

Whoever has a place keeps it (lowering the capacity below the people already coming is
refused elsewhere); free places go to the waiting list first come, first served, by the
moment each person said yes. Run ``settle`` after every change: a new yes, a drop, a
capacity change. It returns who moves up, so they can be told.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Entry:
    user_id: int
    said_yes_at: datetime
    waiting: bool


@dataclass(frozen=True)
class Settlement:
    confirmed: list[int]
    waiting: list[int]  # in order: the first moves up first
    promoted: list[int]  # were waiting, now have a place


def settle(entries, capacity):
    """Places for everyone who said yes; ``capacity`` None means no limit."""
    confirmed = [e for e in entries if not e.waiting]
    queue = sorted((e for e in entries if e.waiting), key=lambda e: (e.said_yes_at, e.user_id))
    free = len(queue) if capacity is None else max(0, capacity - len(confirmed))
    promoted = queue[:free]
    confirmed_ids = [e.user_id for e in sorted(confirmed + promoted, key=_order)]
    return Settlement(
        confirmed=confirmed_ids,
        waiting=[e.user_id for e in queue[free:]],
        promoted=[e.user_id for e in promoted],
    )


def _order(entry):
    return (entry.said_yes_at, entry.user_id)


def position(settlement, user_id):
    """1-based place on the waiting list, or None for someone who is not waiting."""
    try:
        return settlement.waiting.index(user_id) + 1
    except ValueError:
        return None
