"""The intervision methods leernet ships, by stable key, plus the rules for custom ones.

Keys are stable because sessions store them; names and texts are translatable and may
change. The data lives in ``steps``, ``dialogues`` and ``compact`` to keep files readable;
import everything from here.
"""

from ..core.methods import (
    MAX_MINUTES,
    MAX_PHASES,
    MIN_MINUTES,
    ROLE_LABELS,
    Issue,
    Method,
    Phase,
    validate_method,
)
from .compact import COMPACT
from .dialogues import ACTION_LEARNING, BALINT, SOCRATIC, TROIKA
from .steps import GOSSIP, INCIDENT, TEN_STEPS

__all__ = [
    "MAX_MINUTES",
    "MAX_PHASES",
    "METHODS",
    "MIN_MINUTES",
    "ROLE_LABELS",
    "Issue",
    "Method",
    "Phase",
    "get_method",
    "validate_method",
]

METHODS = {
    method.key: method
    for method in (
        INCIDENT, GOSSIP, TEN_STEPS, BALINT, ACTION_LEARNING, TROIKA, SOCRATIC, COMPACT
    )
}  # fmt: skip


def get_method(key: str) -> Method | None:
    """The shipped method with this key, or None (custom methods live in the database)."""
    return METHODS.get(key)
