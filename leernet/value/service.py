"""Saving check-outs and stories; the caller commits.

A check-out is one row per member and meeting: a second one for the same meeting edits
the first, and two taps racing to create it end as one row (the unique key decides).
"""

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..meetings.models import Attendance
from . import cycles, rules
from .models import CheckOut


class CheckoutRefused(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def attended(meeting, user):
    return (
        db.session.scalar(
            select(Attendance.id).where(
                Attendance.meeting_id == meeting.id, Attendance.user_id == user.id
            )
        )
        is not None
    )


def mine(meeting, user):
    return db.session.scalar(
        select(CheckOut).where(CheckOut.meeting_id == meeting.id, CheckOut.user_id == user.id)
    )


def check_out(meeting, user, usefulness, chosen, takeaway, now):
    """Create or edit this member's check-out; refuses per ``rules.refusal``."""
    reason = rules.refusal(meeting, attended(meeting, user), now)
    if reason:
        raise CheckoutRefused(reason)
    if not rules.valid_usefulness(usefulness):
        raise ValueError("usefulness must be 1 to 5")
    row = mine(meeting, user)
    if row is None:
        row = CheckOut(meeting_id=meeting.id, user_id=user.id, created_at=now)
        try:
            with db.session.begin_nested():
                _fill(row, usefulness, chosen, takeaway, now)
                db.session.add(row)
        except IntegrityError:  # the same member's other tap got there first: edit that one
            row = mine(meeting, user)
    _fill(row, usefulness, chosen, takeaway, now)
    return row


def _fill(row, usefulness, chosen, takeaway, now):
    row.usefulness = usefulness
    for key in cycles.KEYS:
        setattr(row, key, key in chosen)
    row.takeaway = (takeaway or "").strip()[:200]
    row.updated_at = now
