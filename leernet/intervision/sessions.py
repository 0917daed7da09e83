"""Creating a meeting's sessions and loading one for its page.

A meeting's groups are its standing groups (their members who checked in, or all of
them before anyone has) or groups formed for the day from who checked in (``grouping``).
Each new session gets its roles proposed at once from the network's role history.
"""

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..extensions import db
from ..meetings.attendance import present_members
from ..meetings.models import Meeting
from ..members.models import User
from . import roles
from .core.grouping import MIN_SIZE, GroupingError, form_groups
from .models import IntervisionGroup, Participant, Session
from .plans import Plan, snapshot


def load(session_id):
    """A session with its meeting, group and participants (and their members)."""
    return db.session.scalar(
        select(Session)
        .where(Session.id == session_id)
        .options(
            joinedload(Session.meeting),
            joinedload(Session.group),
            selectinload(Session.participants).joinedload(Participant.user),
        )
    )


def create(meeting, name, method, shipped, template, user_ids, by, group=None, expires=None):
    session = Session(
        meeting_id=meeting.id,
        group_id=group.id if group else None,
        name=name,
        method_key=method.key if shipped else "",
        template_id=template.id if template else None,
        plan=snapshot(method, shipped),
        expires_after_days=expires,
        created_by_id=by.id if by else None,
    )
    session.meeting = meeting
    session.participants = [Participant(user_id=uid) for uid in dict.fromkeys(user_ids)]
    db.session.add(session)
    return session


def propose_all(sessions, meeting):
    """Propose roles in every new session from one read of the role history."""
    db.session.flush()
    ids = {p.user_id for s in sessions for p in s.participants}
    users = {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(ids)))}
    for session in sessions:
        for participant in session.participants:
            participant.user = users[participant.user_id]
    past = roles.past_for(ids, meeting)
    for session in sessions:
        roles.propose_again(session, Plan(session.plan), past)


def previous_groups(meeting):
    """Who sat together in the last earlier meeting that had sessions."""
    last = db.session.scalar(
        select(Meeting.id)
        .join(Session, Session.meeting_id == Meeting.id)
        .where(Meeting.starts_at < meeting.starts_at)
        .order_by(Meeting.starts_at.desc())
        .limit(1)
    )
    if last is None:
        return []
    groups = {}
    rows = db.session.execute(
        select(Participant.session_id, Participant.user_id)
        .join(Session, Session.id == Participant.session_id)
        .where(Session.meeting_id == last)
        .order_by(Participant.session_id, Participant.id)
    )
    for session_id, user_id in rows:
        groups.setdefault(session_id, []).append(user_id)
    return list(groups.values())


def for_the_day(meeting, method, shipped, template, size, mix, by, expires=None):
    """Groups formed from who checked in; raises ``GroupingError`` when under three."""
    present = [u.id for u in present_members(meeting) if u.is_active]
    taken = taken_ids(meeting)
    people = [uid for uid in present if uid not in taken]
    groups = form_groups(people, size, previous_groups(meeting) if mix else (), mix)
    names = free_names(meeting, len(groups))
    made = [
        create(meeting, name, method, shipped, template, ids, by, expires=expires)
        for name, ids in zip(names, groups, strict=True)
    ]
    propose_all(made, meeting)
    return made


def for_standing(meeting, groups, method, shipped, template, by, expires=None):
    """One session per standing group: its members who checked in (all, before check-in)."""
    present = {u.id for u in present_members(meeting)}
    made = []
    for group in groups:
        members = [u.id for u in group.members if u.is_active]
        here = [uid for uid in members if uid in present] if present else members
        if len(here) < MIN_SIZE:
            raise GroupingError("too few", group.name, len(here))
        made.append(create(meeting, group.name, method, shipped, template, here, by, group,
                           expires))  # fmt: skip
    propose_all(made, meeting)
    return made


def taken_ids(meeting):
    """People already in one of this meeting's sessions."""
    return set(
        db.session.scalars(
            select(Participant.user_id)
            .join(Session, Session.id == Participant.session_id)
            .where(Session.meeting_id == meeting.id)
        )
    )


def free_names(meeting, count):
    """ "Group 1", "Group 2", ...: the first numbers no session of the meeting is named
    with yet (a standing group's own name takes no number)."""
    used = set(db.session.scalars(select(Session.name).where(Session.meeting_id == meeting.id)))
    names, number = [], 1
    while len(names) < count:
        name = _("Group %(num)d", num=number)
        if name not in used:
            names.append(name)
        number += 1
    return names


def active_groups():
    return db.session.scalars(
        select(IntervisionGroup)
        .where(IntervisionGroup.active.is_(True))
        .order_by(IntervisionGroup.name)
        .options(selectinload(IntervisionGroup.members))
    ).all()
