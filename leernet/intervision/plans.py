"""A session's method as it was when the session was created (its *plan*).

The plan is plain JSON on the session row: ``{"name", "shipped", "roles", "turns",
"phases": [{"name", "minutes", "instruction", "tip", "silent", "collects"}]}``. A shipped method
is stored with its English message ids and translated when shown, so a Dutch and an
English phone see the same session in their own language; a custom method is stored
in the words its coordinator typed.
"""

from dataclasses import dataclass

from flask_babel import force_locale, gettext

from . import catalogue
from .core.methods import Method


def _text(value):
    return str(value) if value is not None else ""


def snapshot(method: Method, shipped: bool) -> dict:
    """The JSON plan of ``method`` (shipped texts as English message ids)."""

    def build():
        return {
            "name": _text(method.name),
            "shipped": shipped,
            "roles": list(method.roles),
            "turns": method.turns,
            "phases": [
                {
                    "name": _text(p.name),
                    "minutes": p.minutes,
                    "instruction": _text(p.instruction),
                    "tip": _text(p.tip),
                    "silent": bool(p.case_bringer_silent),
                    "collects": bool(p.collects),
                }
                for p in method.phases
            ],
        }

    if shipped:
        with force_locale("en"):
            return build()
    return build()


@dataclass(frozen=True)
class PlanPhase:
    """One phase of one turn, in the reader's language."""

    index: int
    turn: int
    name: str
    minutes: int
    instruction: str
    tip: str
    silent: bool
    collects: bool


class Plan:
    """Read access to a session's plan: flat phases as the timer counts them."""

    def __init__(self, data):
        self.data = data or {}
        self.shipped = bool(self.data.get("shipped"))
        self.roles = tuple(self.data.get("roles") or ())
        self.turns = max(1, int(self.data.get("turns") or 1))
        self.base = list(self.data.get("phases") or [])

    def _t(self, text):
        return gettext(text) if self.shipped and text else (text or "")

    @property
    def name(self):
        return self._t(self.data.get("name", ""))

    @property
    def count(self):
        return self.turns * len(self.base)

    @property
    def durations(self):
        return [int(p.get("minutes") or 0) * 60 for _ in range(self.turns) for p in self.base]

    @property
    def total_minutes(self):
        return sum(self.durations) // 60

    def phase(self, index):
        if not self.base:
            return None
        index = min(max(index, 0), self.count - 1)
        turn, position = divmod(index, len(self.base))
        raw = self.base[position]
        return PlanPhase(
            index=index,
            turn=turn + 1,
            name=self._t(raw.get("name", "")),
            minutes=int(raw.get("minutes") or 0),
            instruction=self._t(raw.get("instruction", "")),
            tip=self._t(raw.get("tip", "")),
            silent=bool(raw.get("silent")),
            collects=bool(raw.get("collects")),
        )

    def phases(self):
        return [self.phase(i) for i in range(self.count)]


def method_choices(templates):
    """``(value, label)`` for every method a session can use: shipped, then custom."""
    shipped = [(key, m.name) for key, m in catalogue.METHODS.items()]
    return shipped + [(t.key, t.name) for t in templates]


def resolve(choice, templates):
    """``(method, shipped, template)`` for a choice from ``method_choices``, or None."""
    method = catalogue.get_method(choice or "")
    if method is not None:
        return method, True, None
    template = next((t for t in templates if t.key == choice), None)
    if template is None:
        return None
    return template.to_method(), False, template
