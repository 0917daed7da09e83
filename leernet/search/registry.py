"""The kinds of things search can find: each feature registers its own.

A kind says how to turn one of its objects into a ``Document`` (title, body text and who
may find it), how to link to a result, and which model changes make a document stale.
Search itself knows nothing about resources, questions, minutes or intervision.
"""

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from .models import AUDIENCES, NETWORK


@dataclass
class Document:
    """What a kind's ``build`` function returns for one object (None: not findable)."""

    title: str
    body: str = ""
    audience: str = NETWORK
    #: With ``audience=RESTRICTED``: the ids of the users who may find it.
    users: Collection[int] = ()
    parent_id: int | None = None
    #: The date a result shows and is ordered by (newest first): when the thing happens
    #: (a meeting's start) or was last changed. Default: when it is indexed.
    updated_at: Any = None

    def __post_init__(self):
        if self.audience not in AUDIENCES:
            raise ValueError(f"unknown audience {self.audience!r}")


@dataclass(frozen=True)
class Kind:
    name: str
    model: type
    build: Callable[[Any], Document | None]
    #: ``url(document_row) -> str``: the row has ``object_id`` and ``parent_id``.
    url: Callable[[Any], str]
    #: The kind's name for the filter tabs, plural ("Meetings").
    label: Any
    #: ``{Model: fn(instance) -> ids of this kind's objects to re-index}``.
    watch: dict[type, Callable[[Any], Iterable[int]]] = field(default_factory=dict)
    #: Optional extra rule: ``visible(user) -> SQL condition on SearchDocument`` or None.
    visible: Callable[[Any], Any] | None = None
    #: Optional ``options(select) -> select`` adding eager loads for bulk re-indexing.
    options: Callable[[Any], Any] | None = None
    #: What one result is called on its badge ("Meeting"); defaults to ``label``.
    one: Any = None
    #: Whether a result shows its document's date (a member's profile has none).
    dated: bool = True

    @property
    def badge(self):
        return self.one or self.label


KINDS: dict[str, Kind] = {}


def register(
    name, *, model, url, label, one=None, dated=True, watch=None, visible=None, options=None
):
    """Decorator for a kind's ``build(obj) -> Document | None`` function.

    The model itself is always watched: creating, changing or deleting one re-indexes it
    when the session commits. ``watch`` adds related models, e.g.
    ``{Answer: lambda answer: [answer.question_id]}``. ``label`` names the kind on the
    filter tabs, ``one`` on a result ("Decisions", "Decision").
    """

    def decorate(build):
        watched = {model: lambda obj: [obj.id], **(watch or {})}
        KINDS[name] = Kind(
            name, model, build, url, label, watched, visible, options, one=one, dated=dated
        )
        return build

    return decorate


def watchers_for(instance):
    """``(kind name, ids function)`` pairs interested in a change to ``instance``."""
    for kind in KINDS.values():
        for model, ids in kind.watch.items():
            if isinstance(instance, model):
                yield kind.name, ids
