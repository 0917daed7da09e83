"""Forming intervision groups for the day from the people who checked in.

Groups are balanced (sizes differ by at most one) and hold 3 to 8 people: fewer is
not intervision, more leaves no time for everyone. The number of groups is the one
closest to the wished size that keeps every group in that range.

"Mix" avoids last time's pairings: people who sat together last time are dealt out to
different groups first (like dealing cards from a sorted deck: the members of one old
group land in different new groups whenever there are at least as many new groups as
the old group had people present), then single swaps between groups remove what
pairings are left while they can. Deterministic: the same people give the same groups.
"""

from collections.abc import Iterable, Sequence
from itertools import combinations

MIN_SIZE = 3
MAX_SIZE = 8


class GroupingError(ValueError):
    """Too few people for even one group (``name``: the standing group, ``count``: people)."""

    def __init__(self, message="", name=None, count=0):
        super().__init__(message)
        self.name = name
        self.count = count


def group_count(people: int, wished_size: int = 4) -> int:
    """How many groups ``people`` make, each of 3 to 8, closest to ``wished_size``."""
    if people < MIN_SIZE:
        raise GroupingError(f"{people} people cannot form a group of at least {MIN_SIZE}")
    wished_size = min(max(wished_size, MIN_SIZE), MAX_SIZE)
    fewest = -(-people // MAX_SIZE)
    most = people // MIN_SIZE
    return min(max(round(people / wished_size), fewest), most)


def pairs_of(groups: Iterable[Iterable[int]]) -> set[frozenset]:
    """Every pair of people who sat in one group."""
    found = set()
    for group in groups:
        found.update(frozenset(pair) for pair in combinations(sorted(set(group)), 2))
    return found


def repeats(groups: Iterable[Iterable[int]], previous: set[frozenset]) -> int:
    """How many pairs in ``groups`` also sat together before."""
    return len(pairs_of(groups) & previous)


def form_groups(
    people: Sequence[int],
    wished_size: int = 4,
    previous_groups: Iterable[Iterable[int]] = (),
    mix: bool = False,
) -> list[list[int]]:
    """Balanced groups of 3 to 8 from ``people`` (ids, in a stable order, e.g. by name).

    Without ``mix``, people are dealt round the groups in the given order. With ``mix``,
    last time's groups (``previous_groups``) are kept apart as far as possible.
    """
    people = list(dict.fromkeys(people))
    count = group_count(len(people), wished_size)
    if not mix:
        return _deal(people, count)
    present = set(people)
    order = []
    for old in previous_groups:
        order.extend(p for p in dict.fromkeys(old) if p in present and p not in order)
    order.extend(p for p in people if p not in order)
    groups = _deal(order, count)
    return _improve(groups, pairs_of(previous_groups))


def _deal(people, count):
    groups = [[] for _ in range(count)]
    for index, person in enumerate(people):
        groups[index % count].append(person)
    return groups


def _clashes(person, group, previous):
    return sum(frozenset((person, other)) in previous for other in group if other != person)


def _improve(groups, previous):
    """Swap two people of different groups while that lowers the repeated pairs."""
    improved = True
    while improved and previous:
        improved = False
        for a, b in combinations(range(len(groups)), 2):
            for i, x in enumerate(groups[a]):
                for j, y in enumerate(groups[b]):
                    rest_a = [p for p in groups[a] if p != x]
                    rest_b = [p for p in groups[b] if p != y]
                    before = _clashes(x, rest_a, previous) + _clashes(y, rest_b, previous)
                    after = _clashes(y, rest_a, previous) + _clashes(x, rest_b, previous)
                    if after < before:
                        groups[a][i], groups[b][j] = y, x
                        improved = True
                        break
                if improved:
                    break
            if improved:
                break
    return groups
