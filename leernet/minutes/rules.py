"""Who may do what with a set of minutes: plain functions, no Flask.

A document moves draft → shared (attendees amend it) → approved (locked). Approving
locks the text; only an explicit, logged unlock by a manager opens it again (back to
shared). What a person may do depends on their ``Standing`` towards the document:

- *manager*: may approve, unlock and set the visibility (for a meeting: its host,
  whoever scheduled it, and coordinators);
- *person*: one of the subject's people (a meeting's attendees, a session's
  participants): reads shared minutes and amends them;
- *taker*: the minute-taker, who writes the draft.

Visibility says who else reads shared and approved minutes: the whole network, or
the attendees only (coordinators too), or the participants only (nobody else, not
even a coordinator: intervision is confidential). Drafts are for the taker and the
managers only.
"""

from dataclasses import dataclass

DRAFT, SHARED, APPROVED = "draft", "shared", "approved"
STATES = (DRAFT, SHARED, APPROVED)
NETWORK, ATTENDEES, PARTICIPANTS = "network", "attendees", "participants"
VISIBILITIES = (NETWORK, ATTENDEES, PARTICIPANTS)


@dataclass(frozen=True)
class Standing:
    active: bool = True
    coordinator: bool = False
    manager: bool = False
    person: bool = False
    taker: bool = False


def may_read(s, state, visibility):
    if not s.active:
        return False
    if visibility == PARTICIPANTS and not (s.person or s.taker):
        return False
    if state == DRAFT:
        return s.taker or s.manager
    if visibility == NETWORK:
        return True
    return s.person or s.taker or s.manager or s.coordinator


def may_write(s, state, visibility):
    """Whether this person edits the text in this state (never once approved)."""
    if state == APPROVED or not may_read(s, state, visibility):
        return False
    return s.taker or s.manager or (state == SHARED and s.person)


def writer(s, state, visibility):
    """Whether this person is one of the document's writers at all, whatever its state
    (the access rule of the editor: a locked text then says why it cannot change)."""
    if not may_read(s, state, visibility):
        return False
    return s.taker or s.manager or (state != DRAFT and s.person)


def may_start(s, visibility):
    """Whether this person may write the first revision (and so becomes the taker)."""
    if not s.active:
        return False
    if visibility == PARTICIPANTS:
        return s.person
    return s.person or s.manager


def may_share(s, state, visibility):
    return state == DRAFT and may_read(s, state, visibility) and (s.taker or s.manager)


def may_approve(s, state, visibility):
    return state == SHARED and s.manager and may_read(s, state, visibility)


def may_unlock(s, state, visibility):
    return state == APPROVED and s.manager and may_read(s, state, visibility)


def may_set_visibility(s, state, visibility):
    return s.manager and may_read(s, state, visibility)


def readers(visibility, people, taker=None, managers=(), coordinators=()):
    """The ids of everyone who may read shared minutes with this visibility (for
    search); None means the whole network."""
    if visibility == NETWORK:
        return None
    ids = set(people) | ({taker} if taker else set())
    if visibility == ATTENDEES:
        ids |= set(managers) | set(coordinators)
    return ids
