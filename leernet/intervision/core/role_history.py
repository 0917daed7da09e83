"""Who held which role before: the input of fair rotation, built from recorded rows.

The database records what was actually held (one row per participant per session,
with the role or none); fairness is computed from that, never from earlier proposals,
so a swap made in the room counts. A window (``since``) keeps fairness about the
recent past: someone who facilitated a lot three years ago is not exempt today. Being a
newcomer is about all time, so ``sessions_ever`` ignores the window.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RoleRecord:
    """How often a member held one role in the window, and when last (None = never)."""

    times: int = 0
    last: date | None = None


@dataclass(frozen=True)
class MemberHistory:
    """A member's past: ``sessions`` in the window (for "1 of 12"), ``sessions_ever``
    before this session (0 = newcomer) and a ``RoleRecord`` per role in the window."""

    sessions: int = 0
    sessions_ever: int = 0
    roles: Mapping[str, RoleRecord] = field(default_factory=dict)

    def record(self, role):
        return self.roles.get(role, RoleRecord())

    def roles_held(self, roles):
        """Times any of ``roles`` was held in the window (a fair tiebreak: least busy)."""
        return sum(self.record(role).times for role in roles)


NO_HISTORY = MemberHistory()


@dataclass(frozen=True)
class Attendance:
    """One recorded row: ``member_id`` took part in a session on ``held_on``,
    holding ``role`` (None when they held none or passed)."""

    member_id: int
    held_on: date
    role: str | None = None


def tally(rows: Iterable[Attendance], since: date | None = None) -> dict[int, MemberHistory]:
    """Turn recorded rows into the history ``rotation.propose`` reads.

    Rows before ``since`` count only towards ``sessions_ever``. Pass only rows of
    sessions that took place before the one being assigned.
    """
    ever, sessions, times, last = {}, {}, {}, {}
    for row in rows:
        member = row.member_id
        ever[member] = ever.get(member, 0) + 1
        if since is not None and row.held_on < since:
            continue
        sessions[member] = sessions.get(member, 0) + 1
        if row.role is None:
            continue
        key = (member, row.role)
        times[key] = times.get(key, 0) + 1
        if last.get(key) is None or row.held_on > last[key]:
            last[key] = row.held_on
    roles = {}
    for (member, role), count in times.items():
        roles.setdefault(member, {})[role] = RoleRecord(count, last[(member, role)])
    return {
        member: MemberHistory(sessions.get(member, 0), count, roles.get(member, {}))
        for member, count in ever.items()
    }
