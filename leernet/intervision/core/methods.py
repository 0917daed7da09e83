"""What an intervision method is, and the rules a custom one must follow.

A method is a fixed sequence of time-boxed phases plus the roles it needs. The timer
only ever sees the flat list of phase durations (``Method.durations_seconds``), so
shipped and custom methods run the same way. Some methods repeat their phases for each
person in turn (troika consulting: three rounds with a new "client" each time); that is
``turns``, and the case-bringer role passes to the next person every turn.

Text is translatable at import time (``lazy_gettext``); outside a request it falls
back to English, so the rules here stay testable without an app.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_ngettext

from .rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER, ROLES, TIMEKEEPER

MIN_MINUTES = 1
MAX_MINUTES = 120
MAX_PHASES = 20
MAX_NAME = 80

ROLE_LABELS = {
    FACILITATOR: _l("Facilitator"),
    CASE_BRINGER: _l("Case-bringer"),
    TIMEKEEPER: _l("Timekeeper"),
    MINUTE_TAKER: _l("Minute-taker"),
}


@dataclass(frozen=True)
class Phase:
    """One time box: what everyone does now (``instruction``), a hint for a
    first-time facilitator (``tip``), whether the case-bringer only listens
    (``case_bringer_silent``: the "turned away" view on their phone), and whether
    participants write cards for the case-bringer in it (``collects``: a question or
    advice round)."""

    name: str
    minutes: int
    instruction: str = ""
    tip: str = ""
    case_bringer_silent: bool = False
    collects: bool = False


@dataclass(frozen=True)
class Method:
    key: str
    name: str
    description: str
    roles: tuple[str, ...]
    phases: tuple[Phase, ...]
    turns: int = 1

    @property
    def total_minutes(self):
        return self.turns * sum(phase.minutes for phase in self.phases)

    def durations_seconds(self) -> list[int]:
        """Every phase of every turn, in order, as the timer counts them."""
        return [phase.minutes * 60 for _ in range(self.turns) for phase in self.phases]

    def step(self, index: int) -> tuple[int, Phase]:
        """The (turn, phase) behind the timer's flat phase ``index``; turns count from 1."""
        turn, position = divmod(index, len(self.phases))
        return turn + 1, self.phases[position]

    @property
    def silent_phases(self):
        return tuple(phase for phase in self.phases if phase.case_bringer_silent)


@dataclass(frozen=True)
class Issue:
    """One problem with a custom method: a ``code`` for tests and code, a ``message``
    for people, and the 1-based ``phase`` it is about (None for the whole method)."""

    code: str
    message: str
    phase: int | None = None


def _get(phase, name):
    if isinstance(phase, Mapping):
        return phase.get(name)
    return getattr(phase, name, None)


def _minutes(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        return None


def validate_method(phases: Iterable, roles: Iterable[str] = ()) -> list[Issue]:
    """Everything wrong with a custom method, in reading order (empty = fine).

    ``phases`` are ``Phase`` objects or mappings with ``name`` and ``minutes``.
    Each phase lasts 1 to 120 minutes: longer is not a phase but a day.
    """
    phases = list(phases)
    issues = []
    if not phases:
        issues.append(Issue("no_phases", _l("Add at least one phase.")))
    if len(phases) > MAX_PHASES:
        message = lazy_ngettext(
            "Use at most %(num)d phase.", "Use at most %(num)d phases.", MAX_PHASES
        )
        issues.append(Issue("too_many_phases", message))
    for number, phase in enumerate(phases, start=1):
        name = str(_get(phase, "name") or "").strip()
        if not name:
            issues.append(
                Issue("empty_name", _l("Phase %(number)d needs a name.", number=number), number)
            )
        elif len(name) > MAX_NAME:
            message = lazy_ngettext(
                "The name of phase %(number)d is longer than %(num)d character.",
                "The name of phase %(number)d is longer than %(num)d characters.",
                MAX_NAME,
                number=number,
            )
            issues.append(Issue("name_too_long", message, number))
        minutes = _minutes(_get(phase, "minutes"))
        if minutes is None or not MIN_MINUTES <= minutes <= MAX_MINUTES:
            message = lazy_ngettext(
                "Phase %(number)d must last between %(min)d and %(num)d minute.",
                "Phase %(number)d must last between %(min)d and %(num)d minutes.",
                MAX_MINUTES,
                number=number,
                min=MIN_MINUTES,
            )
            issues.append(Issue("minutes_out_of_range", message, number))
    seen = set()
    for role in roles:
        if role not in ROLES:
            issues.append(Issue("unknown_role", _l("Unknown role: %(role)s.", role=role)))
        elif role in seen:
            issues.append(Issue("duplicate_role", _l("A role is listed twice.")))
        seen.add(role)
    return issues
