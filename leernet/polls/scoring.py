"""Which candidate date is best, as a pure rule.

The best date is the one most people can make (yes or "if need be"); among those, the
one with most wholehearted yeses; then the earliest. Dates already past never win.
"""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Tally:
    option_id: int
    starts_at: datetime
    yes: int = 0
    ifneedbe: int = 0
    no: int = 0

    @property
    def can_come(self):
        return self.yes + self.ifneedbe


def tally(options, answers):
    """``options``: ``(id, starts_at)``; ``answers``: ``(option_id, answer)`` pairs."""
    counts = {option_id: {"yes": 0, "ifneedbe": 0, "no": 0} for option_id, _ in options}
    for option_id, answer in answers:
        if option_id in counts and answer in counts[option_id]:
            counts[option_id][answer] += 1
    return [Tally(option_id, starts, **counts[option_id]) for option_id, starts in options]


def best(tallies, now):
    """The id of the best future option, or None when nobody can come to any of them."""
    candidates = [t for t in tallies if t.starts_at > now and t.can_come > 0]
    if not candidates:
        return None
    winner = min(candidates, key=lambda t: (-t.can_come, -t.yes, t.starts_at, t.option_id))
    return winner.option_id
