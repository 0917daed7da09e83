"""Intervision's grouped rows turned into figures, as pure functions (no Flask, no SQL).

The database counts (``value_queries``); these functions only reshape its rows: roles per
member for the fairness chart, sessions per month, and the period's summary in named
parts so the report can never mix up which number is which.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from ..core.rotation import ROLES
from ..models import FOLLOW_UP


def role_counts(rows: Iterable) -> dict:
    """``{member: {role: times}}`` from ``(member, times held per role in ROLES order...)``
    rows; a member who took part without holding a role has zeros (fairness is about
    everyone who was there)."""
    return {member: dict(zip(ROLES, map(int, times), strict=True)) for member, *times in rows}


def per_month(rows: Iterable, months: int):
    """``(sessions per month, places taken per month)`` from ``(bucket, sessions, places)``
    rows; a bucket outside the period is ignored, a month without rows has zeros."""
    sessions, places = [0] * months, [0] * months
    for index, held, taken in rows:
        if isinstance(index, int) and 0 <= index < months:
            sessions[index] += int(held or 0)
            places[index] += int(taken or 0)
    return sessions, places


@dataclass(frozen=True)
class Summary:
    """A period of intervision in figures (see ``value_queries.period_summary``)."""

    sessions: int = 0
    places: int = 0
    members: int = 0
    times: tuple = (0,) * len(ROLES)  # per role in ROLES order
    holders: tuple = (0,) * len(ROLES)  # how many members held each role
    made: int = 0
    reported: int = 0
    follow_up: tuple = (0,) * len(FOLLOW_UP)  # per status in FOLLOW_UP order

    @classmethod
    def from_row(cls, row):
        values = [int(v or 0) for v in row]
        n, f = len(ROLES), len(FOLLOW_UP)
        if len(values) != 5 + 2 * n + f:
            raise ValueError(f"a summary row has {len(values)} values")
        sessions, places, members = values[:3]
        times, holders = tuple(values[3 : 3 + n]), tuple(values[3 + n : 3 + 2 * n])
        made, reported, *follow_up = values[3 + 2 * n :]
        return cls(sessions, places, members, times, holders, made, reported, tuple(follow_up))

    def role_rows(self):
        """``(role, times held, members who held it)`` per role."""
        return list(zip(ROLES, self.times, self.holders, strict=True))

    def status_rows(self):
        """``(follow-up status, commitments)`` per status."""
        return list(zip(FOLLOW_UP, self.follow_up, strict=True))
