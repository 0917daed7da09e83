"""Changing decisions safely: every change to an open decision is a conditional UPDATE.

Two requests may race (two quick clicks, a stance at the closing second, two workers
closing the same decision on access, cron at the same moment). Each change first bumps
``revision`` with ``WHERE status = 'open'`` (PostgreSQL locks the row, SQLite the
database), so exactly one closer wins and no stance lands after the final tally.
Callers commit; a refused change raises ``DecisionError`` with a message to show.
"""

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from ..extensions import db
from ..members.models import User
from . import notices, rules
from .labels import REFUSALS
from .models import Decision, DecisionVersion, Stance


class DecisionError(ValueError):
    """A rule refused the change; ``str(error)`` is shown, ``status`` is the HTTP status."""

    def __init__(self, message, status=409):
        super().__init__(str(message))
        self.status = status


CLOSED_MESSAGE = REFUSALS["closed"]


def active_members():
    return db.session.scalar(
        select(func.count(User.id)).where(User.active.is_(True), User.erased.is_(False))
    )


def plain_stances(decision_id):
    """The stances as the rules see them (fresh from the database, never the session's)."""
    rows = db.session.execute(
        select(Stance.member_id, Stance.kind, Stance.version, User.active, User.erased)
        .join(User, User.id == Stance.member_id)
        .where(Stance.decision_id == decision_id)
    )
    return [
        rules.Stance(row.member_id, row.kind, row.version, row.active and not row.erased)
        for row in rows
    ]


def current_tally(decision, active=None):
    active = active_members() if active is None else active
    return rules.tally(decision.method, plain_stances(decision.id), active, decision.version)


def _claim(decision, now, **values):
    """Bump the revision of a still-open decision; False when it is not open any more."""
    result = db.session.execute(
        update(Decision)
        .where(
            Decision.id == decision.id,
            Decision.status == rules.OPEN,
            Decision.closes_at > now,
        )
        .values(revision=Decision.revision + 1, **values)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(decision)
    return result.rowcount == 1


def _refuse_unless_open(decision, now):
    if decision.status == rules.WITHDRAWN:
        raise DecisionError(REFUSALS["withdrawn"])
    if decision.status != rules.OPEN or rules.due(decision, now):
        raise DecisionError(CLOSED_MESSAGE)


def _require_proposer(decision, user, message):
    if decision.proposer_id != user.id:
        raise DecisionError(message, status=403)


def open_decision(decision, now):
    """A draft (validated by the form) opens: version 1 is recorded, subscribers hear."""
    result = db.session.execute(
        update(Decision)
        .where(Decision.id == decision.id, Decision.status == rules.DRAFT)
        .values(status=rules.OPEN, opened_at=now, version=1, revision=Decision.revision + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(decision)
    if result.rowcount != 1:
        raise DecisionError(_l("This proposal is already open."))
    db.session.add(DecisionVersion(decision_id=decision.id, number=1, proposal=decision.proposal))
    notices.proposal_opened(decision)


def _upsert_insert():
    """The dialect's own INSERT (both have ON CONFLICT), imported on first use: the
    PostgreSQL dialect would cost every SQLite worker 2 MB."""
    if db.session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def cast(decision, user, kind, reason, now):
    """Take or change a stance: one row per member (a unique key and an upsert)."""
    refusal = rules.stance_refusal(
        decision,
        now,
        method=decision.method,
        kind=kind,
        reason=reason,
        member_active=user.is_active,
        is_proposer=decision.proposer_id == user.id,
    )
    if refusal:
        raise DecisionError(REFUSALS[refusal], 409 if refusal != "unknown_kind" else 422)
    if not _claim(decision, now):
        raise DecisionError(CLOSED_MESSAGE)
    reason = (reason or "").strip()
    values = {
        "decision_id": decision.id,
        "member_id": user.id,
        "kind": kind,
        "reason": reason,
        "version": decision.version,
        "created_at": now,
        "updated_at": now,
    }
    insert = _upsert_insert()
    statement = insert(Stance).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=["decision_id", "member_id"],
        set_={
            "kind": statement.excluded.kind,
            "reason": statement.excluded.reason,
            "version": statement.excluded.version,
            "updated_at": statement.excluded.updated_at,
        },
    )
    db.session.execute(statement)


def amend(decision, user, proposal, note, now):
    """A new version; members whose objection (or block) stands are asked to look again."""
    _refuse_unless_open(decision, now)
    _require_proposer(decision, user, _l("Only the proposer can amend this proposal."))
    if decision.method not in rules.AMENDABLE:
        raise DecisionError(_l("Only consent and consensus proposals can be amended."))
    if not _claim(decision, now, version=Decision.version + 1, proposal=proposal):
        raise DecisionError(CLOSED_MESSAGE)
    db.session.add(
        DecisionVersion(
            decision_id=decision.id, number=decision.version, proposal=proposal, note=note
        )
    )
    asked = rules.look_again(decision.method, plain_stances(decision.id), decision.version)
    notices.proposal_amended(decision, db.session.scalars(select(User).where(User.id.in_(asked))))
    return asked


def withdraw(decision, user, now):
    """The proposer withdraws an open proposal (or deletes a draft)."""
    message = _l("Only the proposer can withdraw this proposal.")
    if decision.status == rules.DRAFT:
        _require_proposer(decision, user, message)
        db.session.delete(decision)
        return
    _refuse_unless_open(decision, now)
    _require_proposer(decision, user, message)
    if not _claim(decision, now, status=rules.WITHDRAWN, closed_at=now):
        raise DecisionError(CLOSED_MESSAGE)


def close(decision, now, outcome=None, notify=True, **record):
    """Close an open decision and record its outcome; True only for the call that closed it.

    Idempotent and race-safe: the UPDATE ... WHERE status = 'open' lets one caller win;
    the tally is read after it, so it includes every stance committed before.
    """
    result = db.session.execute(
        update(Decision)
        .where(Decision.id == decision.id, Decision.status == rules.OPEN)
        .values(status=rules.CLOSED, closed_at=now, revision=Decision.revision + 1)
        .execution_options(synchronize_session=False)
    )
    db.session.expire(decision)
    if result.rowcount != 1:
        return False
    final = current_tally(decision)
    decision.outcome = outcome or rules.outcome(final, decision.quorum, decision.threshold)
    decision.final_tally = final.as_record()
    for name, value in record.items():
        setattr(decision, name, value)
    if notify:
        notices.decision_closed(decision)
    return True


def close_early(decision, user, now):
    _refuse_unless_open(decision, now)
    _require_proposer(decision, user, _l("Only the proposer can close this decision early."))
    if decision.method == rules.ADVICE:
        raise DecisionError(_l("In an advice process, record your decision to close it."))
    if not rules.can_close_early(current_tally(decision)):
        raise DecisionError(_l("You can close early only when every active member has taken part."))
    if not close(decision, now, notify=False):
        raise DecisionError(CLOSED_MESSAGE)


def record_advice(decision, user, adopted, resolution, weighing, now):
    """The advice process ends when the proposer records what they decided, and why."""
    _refuse_unless_open(decision, now)
    _require_proposer(decision, user, _l("Only the proposer can record this decision."))
    if decision.method != rules.ADVICE:
        raise DecisionError(_l("Only an advice process is decided by its proposer."))
    outcome = rules.ADOPTED if adopted else rules.REJECTED
    if not close(decision, now, outcome, False, resolution=resolution, weighing=weighing):
        raise DecisionError(CLOSED_MESSAGE)
