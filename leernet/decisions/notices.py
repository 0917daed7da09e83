"""Messages about decisions, each in its reader's own language (e-mail or outbox)."""

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..i18n import format_datetime
from ..mail import deliver
from ..members.models import User
from ..web import external_url
from . import rules
from .labels import OUTCOMES


def _link(decision):
    return external_url("decisions.detail", decision_id=decision.id)


def _send(kind, users, decision, subject, body):
    """``subject`` and ``body`` are functions, called under each reader's locale."""
    link = _link(decision)
    for user in users:
        with force_locale(user.locale):
            deliver(kind, subject(), body(), user=user, link=link)


def proposal_opened(decision):
    """Everyone who may take a stance (every active member) but the proposer hears."""
    readers = db.session.scalars(
        select(User)
        .where(User.active.is_(True), User.erased.is_(False), User.id != decision.proposer_id)
        .order_by(User.id)
    )
    proposer = decision.proposer.display_name if decision.proposer else ""
    _send(
        "decision_opened",
        readers,
        decision,
        lambda: _("New proposal: %(title)s", title=decision.title),
        lambda: _(
            "%(name)s has made a proposal: %(title)s\n\nIt is open until %(closes)s. "
            "Read it and take your stance here:\n%(link)s",
            name=proposer,
            title=decision.title,
            closes=_when(decision.closes_at),
            link=_link(decision),
        ),
    )


def proposal_amended(decision, objectors):
    _send(
        "decision_amended",
        objectors,
        decision,
        lambda: _("Please look again: %(title)s", title=decision.title),
        lambda: _(
            'The proposal "%(title)s" has been amended (version %(version)d). Your '
            "stance still stands; please look at the new version and keep or change it:\n"
            "%(link)s",
            title=decision.title,
            version=decision.version,
            link=_link(decision),
        ),
    )


def closing_soon(decision, waiting):
    waiting = list(waiting)
    proposer = [u for u in waiting if u.id == decision.proposer_id]
    others = [u for u in waiting if u.id != decision.proposer_id]
    if decision.method == rules.ADVICE:
        _send(
            "decision_closing",
            proposer,
            decision,
            lambda: _("Record your decision: %(title)s", title=decision.title),
            lambda: _(
                'The advice period for "%(title)s" ends at %(closes)s. Record what you '
                "decided and how you weighed the advice before then:\n%(link)s",
                title=decision.title,
                closes=_when(decision.closes_at),
                link=_link(decision),
            ),
        )
    else:
        others += proposer
    _send(
        "decision_closing",
        others,
        decision,
        lambda: _("Closing soon: %(title)s", title=decision.title),
        lambda: _(
            '"%(title)s" closes at %(closes)s and you have not taken part yet. '
            "Take your stance here:\n%(link)s",
            title=decision.title,
            closes=_when(decision.closes_at),
            link=_link(decision),
        ),
    )


def decision_closed(decision):
    if decision.proposer is None or not decision.proposer.is_active:
        return
    _send(
        "decision_closed",
        [decision.proposer],
        decision,
        lambda: _("Decided: %(title)s", title=decision.title),
        lambda: _(
            'Your proposal "%(title)s" has closed. Outcome: %(outcome)s.\n%(link)s',
            title=decision.title,
            outcome=OUTCOMES[decision.outcome],
            link=_link(decision),
        ),
    )


def _when(moment):
    return format_datetime(moment, "medium")
