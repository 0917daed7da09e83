"""Finding the document a request is about, and the access rules of the minutes' views.

Routes name a document either by its subject (``/meetings/<meeting_id>/minutes``) or by
its own id (``/minutes/<minutes_id>``); ``resolve`` turns either into a ``Doc`` that
carries the subject, its object, the minutes (None before the first save) and the
current member's standing, computed once per request.
"""

from dataclasses import dataclass
from typing import Any

from flask import abort, g
from flask_login import current_user

from ..extensions import db
from . import rules, service, subjects
from .models import Minutes


@dataclass
class Doc:
    subject: subjects.Subject
    obj: Any
    minutes: Minutes | None
    standing: rules.Standing

    @property
    def state(self):
        return self.minutes.state if self.minutes else rules.DRAFT

    @property
    def visibility(self):
        return self.minutes.visibility if self.minutes else self.subject.visibilities[0]

    @property
    def args(self):
        return self.subject.args(self.obj, self.minutes)

    @property
    def title(self):
        return self.subject.title(self.obj)

    @property
    def url(self):
        return self.subject.url(self.obj)

    def may(self, what):
        """``may("read")``, ``may("write")``, ``may("share")``, ... for this member."""
        s, state, visibility = self.standing, self.state, self.visibility
        if self.minutes is None or not self.minutes.head:  # nothing written yet
            if what == "read":
                return True
            if what == "write":
                if self.minutes is not None and self.minutes.taker_id is not None:
                    # A minute-taker is named (a session's, or whoever began): the draft
                    # is theirs, as it will be once written; others could not read it.
                    return rules.may_write(s, state, visibility)
                return rules.may_start(s, visibility)
            return False
        return getattr(rules, f"may_{what}")(s, state, visibility)


def standing(user, subject, obj, minutes):
    return rules.Standing(
        active=bool(user.is_active),
        coordinator=bool(user.is_coordinator),
        manager=bool(subject.manages(user, obj)),
        person=user.id in subject.people(obj),
        taker=minutes is not None and minutes.taker_id == user.id,
    )


def resolve(meeting_id=None, minutes_id=None, **_args):
    """The document of this request (404 when its subject does not exist)."""
    key = ("meeting", meeting_id) if meeting_id is not None else ("minutes", minutes_id)
    cached = g.get("minutes_doc")
    if cached is not None and cached[0] == key:
        return cached[1]
    if meeting_id is not None:
        subject = subjects.get("meeting")
        obj = subject.load(meeting_id)
        if obj is None:
            abort(404)
        minutes = service.find("meeting", obj.id)
    else:
        minutes = db.session.get(Minutes, minutes_id)
        subject = subjects.get(minutes.subject_kind) if minutes else None
        obj = subject.load(minutes.subject_id) if subject else None
        if obj is None:
            abort(404)
    doc = Doc(subject, obj, minutes, standing(current_user, subject, obj, minutes))
    g.minutes_doc = (key, doc)
    return doc


def forget():
    """After a change: the next ``resolve`` reads the document again."""
    g.pop("minutes_doc", None)


def reads(user, **args):
    """Access rule: may read these minutes (anyone may see that there are none yet)."""
    return resolve(**args).may("read")


def writes(user, **args):
    """Access rule: one of the document's writers (a locked text then says so), or an
    attendee who began writing while someone else started the draft (told so, with
    their text kept)."""
    doc = resolve(**args)
    s = doc.standing
    started_by_another = (
        doc.minutes is not None and doc.state == rules.DRAFT and rules.may_start(s, doc.visibility)
    )
    if doc.minutes is None or not doc.minutes.head:
        return doc.may("write") or started_by_another
    return rules.writer(s, doc.state, doc.visibility) or started_by_another


def keeps(user, **args):
    """Access rule: the minute-taker or a manager (share the draft)."""
    doc = resolve(**args)
    if doc.minutes is None:
        abort(404)
    s = doc.standing
    return (s.taker or s.manager) and doc.may("read")


def manages(user, **args):
    """Access rule: a manager who may read them (approve, unlock, visibility)."""
    doc = resolve(**args)
    if doc.minutes is None:
        abort(404)
    return doc.standing.manager and doc.may("read")


def minutes_readable(user, minutes_id):
    """Whether ``user`` may read the minutes with this id (False if they are gone)."""
    minutes = db.session.get(Minutes, minutes_id)
    subject = subjects.get(minutes.subject_kind) if minutes else None
    obj = subject.load(minutes.subject_id) if subject else None
    if obj is None:
        return False
    return rules.may_read(standing(user, subject, obj, minutes), minutes.state, minutes.visibility)
