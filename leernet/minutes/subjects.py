"""What minutes can be *of*: each feature registers a subject kind.

Meetings register ``"meeting"`` (``meeting_subject.py``); intervision registers
``"session"`` (``leernet/intervision/plugins/session_subject.py``: participants only by
default, the facilitator manages, the minute-taker's phase notes as ``initial_text``), the example
to follow for a subject that is not a meeting. The minutes code knows nothing else
about its subjects: it asks the registry how to load one, what to call it, who its
people are and who manages it.

Minutes of a registered subject live at ``/minutes/<minutes_id>`` (create the row with
``service.ensure(subject, obj)`` and link with ``url_for("minutes.view",
minutes_id=...)``); a subject with ``url_arg`` (meetings: ``meeting_id``) also gets its
minutes at ``/meetings/<id>/minutes``. Search re-indexes minutes when their meeting's
attendance changes; for other people, call ``minutes.search.also_watch(Participant,
lambda row: [row.session_id], "session")`` once.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import rules


@dataclass(frozen=True)
class Subject:
    kind: str
    label: Any
    #: ``load(subject_id) -> object | None``.
    load: Callable[[int], Any]
    title: Callable[[Any], str]
    #: The subject's own page.
    url: Callable[[Any], str]
    #: The meeting the subject belongs to (its own id for a meeting), or None.
    meeting_id: Callable[[Any], int | None]
    #: ``people(obj) -> set of user ids``: attendees or participants. They read shared
    #: minutes (unless visibility is network-wide, when everyone does) and amend them.
    people: Callable[[Any], set]
    #: ``manages(user, obj) -> bool``: may approve, unlock and set the visibility.
    manages: Callable[[Any, Any], bool]
    #: ``managers(obj) -> set of user ids`` (the same people, for the search index).
    managers: Callable[[Any], set]
    #: The visibilities offered; the first one is the default.
    visibilities: tuple = (rules.ATTENDEES, rules.NETWORK)
    #: ``initial_text(obj) -> str``: what the editor starts from before the first save.
    initial_text: Callable[[Any], str] | None = None
    #: ``minute_taker(obj) -> user id | None``: who writes the draft, if the subject knows.
    minute_taker: Callable[[Any], int | None] | None = None
    #: A URL argument naming the subject in the minutes' routes (``meeting_id``).
    url_arg: str | None = None
    #: ``{state: text}``: who sees and changes the minutes in that state, where the
    #: meeting's wording (host, coordinators) does not fit the subject.
    hints: dict = field(default_factory=dict)
    #: ``expired(now) -> ids``: subjects past their keep-time whose minutes are not erased
    #: yet (that waits for a sweep or a write): from that moment search does not find them.
    expired: Callable[[Any], set] | None = None

    def args(self, obj, minutes):
        """The URL arguments of this subject's minutes pages."""
        if self.url_arg:
            return {self.url_arg: obj.id}
        return {"minutes_id": minutes.id}


SUBJECTS: dict[str, Subject] = {}


def register(subject):
    for visibility in subject.visibilities:
        if visibility not in rules.VISIBILITIES:
            raise ValueError(f"unknown visibility {visibility!r}")
    SUBJECTS[subject.kind] = subject
    return subject


def get(kind):
    return SUBJECTS.get(kind)
