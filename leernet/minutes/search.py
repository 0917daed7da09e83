"""Minutes in the search, for exactly the people who may read them.

Drafts are not findable. Network-wide minutes are found by every member; attendee-only
minutes by their readers (attendees, minute-taker, managers and coordinators) and
participant-only minutes by the participants alone. Who attended changes with
check-ins and answers, so those re-index the meeting's minutes.
"""

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, inspect, or_, select

from ..extensions import db
from ..markdown import plain_text
from ..meetings.models import Attendance, Meeting, Rsvp
from ..members.models import User
from ..search import KINDS, NETWORK, RESTRICTED, Document, SearchDocument, register
from ..timeutil import utcnow
from . import rules, subjects
from .meeting_subject import coordinator_ids
from .models import Minutes, MinutesEvent, MinutesRevision


def _of_meeting(meeting_id):
    if not meeting_id:
        return []
    with db.session.no_autoflush:
        return list(db.session.scalars(select(Minutes.id).where(Minutes.meeting_id == meeting_id)))


def _changed(obj, *names):
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


def _meeting_changed(meeting):
    return _of_meeting(meeting.id) if _changed(meeting, "title", "host_id", "starts_at") else []


def _coordinator_changed(user):
    """A coordinator more or less: attendee-only minutes have other readers."""
    was = True in inspect(user).attrs["is_coordinator"].history.deleted
    if not (user.is_coordinator or was) or not _changed(user, "is_coordinator", "active", "erased"):
        return []
    with db.session.no_autoflush:
        return list(
            db.session.scalars(select(Minutes.id).where(Minutes.visibility == rules.ATTENDEES))
        )


def _url(doc):
    if doc.parent_id:
        return url_for("minutes.view", meeting_id=doc.parent_id)
    return url_for("minutes.view", minutes_id=doc.object_id)


def _kept(user):
    """Minutes of a subject past its keep-time are not found, though erasing them waits
    for a sweep or the next write (a search never writes)."""
    now = utcnow()
    gone = [
        and_(Minutes.subject_kind == subject.kind, Minutes.subject_id.in_(ids))
        for subject in subjects.SUBJECTS.values()
        if subject.expired and (ids := subject.expired(now))
    ]
    if not gone:
        return None
    return SearchDocument.object_id.not_in(select(Minutes.id).where(or_(*gone)))


@register(
    "minutes",
    model=Minutes,
    label=_l("Minutes"),
    url=_url,
    watch={
        MinutesRevision: lambda row: [row.minutes_id],
        MinutesEvent: lambda row: [row.minutes_id],
        Attendance: lambda row: _of_meeting(row.meeting_id),
        Rsvp: lambda row: _of_meeting(row.meeting_id),
        Meeting: _meeting_changed,
        User: _coordinator_changed,
    },
    visible=_kept,
)
def minutes_document(minutes):
    if minutes.state == rules.DRAFT or not minutes.head:
        return None
    subject = subjects.get(minutes.subject_kind)
    obj = subject.load(minutes.subject_id) if subject else None
    if obj is None:
        return None
    ids = rules.readers(
        minutes.visibility,
        subject.people(obj),
        minutes.taker_id,
        subject.managers(obj) if minutes.visibility == rules.ATTENDEES else (),
        coordinator_ids() if minutes.visibility == rules.ATTENDEES else (),
    )
    return Document(
        title=subject.title(obj),
        body=plain_text(minutes.text),
        audience=NETWORK if ids is None else RESTRICTED,
        users=ids or (),
        parent_id=obj.id if subject.url_arg == "meeting_id" else None,
        # Minutes of a meeting are dated by the meeting: two "Network day" minutes differ.
        updated_at=getattr(obj, "starts_at", None) or minutes.updated_at,
    )


def also_watch(model, subject_ids, kind):
    """Re-index the minutes of subject ``kind`` when a ``model`` row changes.

    ``subject_ids(row)`` names the subjects the row affects, e.g. for intervision
    ``also_watch(Participant, lambda row: [row.session_id], "session")``: who may find
    participant-only minutes follows who takes part. Returns the previous watcher.
    """

    def ids(row):
        wanted = [i for i in subject_ids(row) if i]
        if not wanted:
            return []
        with db.session.no_autoflush:
            return list(
                db.session.scalars(
                    select(Minutes.id).where(
                        Minutes.subject_kind == kind, Minutes.subject_id.in_(wanted)
                    )
                )
            )

    watch = KINDS["minutes"].watch
    before = watch.get(model)
    watch[model] = ids if before is None else (lambda row: [*before(row), *ids(row)])
    return before
