"""Date polls: create, answer, read the results, and turn the best date into a meeting.

When the poll becomes a meeting, each member's answer for the chosen date becomes
their RSVP (yes stays yes, "if need be" becomes maybe, no stays no), so nobody has to
answer twice. The caller commits.
"""

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..extensions import db
from ..meetings import notices, recurrence, schedule
from ..meetings.models import Rsvp
from ..meetings.rsvp import settle_meeting
from ..members.models import User
from .models import POLL_ANSWERS, DatePoll, PollAnswer, PollOption
from .scoring import best, tally

TO_RSVP = {"yes": "yes", "ifneedbe": "maybe", "no": "no"}


class PollError(ValueError):
    """Refused; ``str(error)`` says why."""


def create(form, by, timezone):
    poll = DatePoll(
        title=form.title.data,
        kind=form.kind.data,
        description=(form.description.data or "").strip(),
        place=form.place.data or "",
        online_url=form.online_url.data or "",
        created_by_id=by.id,
    )
    for day, start, end in form.candidates():
        starts_at, ends_at = recurrence.span(day, start, end, timezone)
        poll.options.append(PollOption(starts_at=starts_at, ends_at=ends_at))
    db.session.add(poll)
    db.session.flush()
    return poll


def load(poll_id):
    """A poll with its options, their answers and who gave them."""
    return db.session.scalar(
        select(DatePoll)
        .where(DatePoll.id == poll_id)
        .options(
            selectinload(DatePoll.options)
            .selectinload(PollOption.answers)
            .selectinload(PollAnswer.user),
            selectinload(DatePoll.created_by),
        )
    )


def answer(poll, option_id, user, choice, now):
    if not poll.is_open:
        raise PollError(_l("This poll is closed."))
    if choice not in POLL_ANSWERS:
        raise PollError(_l("Choose yes, if need be or no."))
    option = next((o for o in poll.options if o.id == option_id), None)
    if option is None:
        raise PollError(_l("This date is not part of the poll."))
    row = next((a for a in option.answers if a.user_id == user.id), None)
    if row is None:
        row = PollAnswer(option=option, user_id=user.id, answer=choice, answered_at=now)
        db.session.add(row)
    row.answer = choice
    row.answered_at = now
    return row


@dataclass
class Row:
    option: PollOption
    yes: list = field(default_factory=list)
    ifneedbe: list = field(default_factory=list)
    no: list = field(default_factory=list)
    mine: str | None = None
    best: bool = False
    past: bool = False


def results(poll, user, now):
    """One ``Row`` per date: who said what, my answer, and which date is best."""
    rows = []
    for option in poll.options:
        row = Row(option, past=option.starts_at <= now)
        for item in sorted(option.answers, key=lambda a: a.user.name.lower()):
            getattr(row, item.answer, []).append(item.user)
            if item.user_id == user.id:
                row.mine = item.answer
        rows.append(row)
    tallies = tally(
        [(o.id, o.starts_at) for o in poll.options],
        [(a.option_id, a.answer) for o in poll.options for a in o.answers],
    )
    winner = best(tallies, now)
    for row in rows:
        row.best = row.option.id == winner
    respondents = {a.user_id for o in poll.options for a in o.answers}
    return rows, len(respondents)


def to_meeting(poll, option_id, by, now):
    """Schedule the meeting on the chosen date and close the poll."""
    if not poll.is_open:
        raise PollError(_l("This poll is closed."))
    option = next((o for o in poll.options if o.id == option_id), None)
    if option is None:
        raise PollError(_l("Choose one of the proposed dates."))
    if option.starts_at <= now:
        raise PollError(_l("This date has passed. Choose a later one."))
    details = schedule.Details(
        title=poll.title,
        kind=poll.kind,
        place=poll.place,
        online_url=poll.online_url,
        agenda=poll.description,
        host_id=poll.created_by_id or by.id,
    )
    meeting = schedule.create_meeting(details, option.starts_at, option.ends_at, by)
    db.session.flush()
    active = set(db.session.scalars(select(User.id).where(User.active.is_(True))))
    active -= {r.user_id for r in meeting.rsvps}  # the host, who is coming already
    for item in option.answers:
        if item.user_id in active:
            db.session.add(
                Rsvp(
                    meeting_id=meeting.id,
                    user_id=item.user_id,
                    answer=TO_RSVP[item.answer],
                    said_yes_at=item.answered_at if item.answer == "yes" else None,
                    updated_at=now,
                )
            )
    db.session.flush()
    settle_meeting(meeting)
    poll.meeting_id = meeting.id
    poll.closed_at = now
    notices.announce_new(meeting, by)
    return meeting


def close(poll, now):
    if poll.is_open:
        poll.closed_at = now
