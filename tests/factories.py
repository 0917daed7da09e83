"""Plain functions that build test data (no fixture files)."""

import itertools
from datetime import timedelta

from leernet.admin.models import Invitation, Network
from leernet.extensions import db
from leernet.members.accounts import set_tags
from leernet.members.models import User
from leernet.security import hash_password
from leernet.timeutil import utcnow

PASSWORD = "een lang wachtwoord"
_seq = itertools.count(1)


def network(name="Testnetwerk", language="en", timezone="Europe/Amsterdam"):
    item = Network(name=name, language=language, timezone=timezone)
    db.session.add(item)
    db.session.commit()
    return item


def user(
    name=None, email=None, coordinator=False, tags="", active=True, password=PASSWORD, locale="en"
):
    n = next(_seq)
    item = User(
        name=name or f"Member {n}",
        email=email or f"member{n}@example.org",
        password_hash=hash_password(password),
        is_coordinator=coordinator,
        active=active,
        locale=locale,
    )
    db.session.add(item)
    db.session.flush()
    if tags:
        set_tags(item, tags)
    db.session.commit()
    return item


def invitation(name="", email="", days=14, **state):
    item = Invitation(
        token=f"invite-token-{next(_seq)}",
        name=name,
        email=email,
        expires_at=utcnow() + timedelta(days=days),
        **state,
    )
    db.session.add(item)
    db.session.commit()
    return item


def decision(
    proposer, title="Een voorstel", method="consent", status="open", closes_in=None, **fields
):
    """A decision; open ones close in three days unless ``closes_in`` says otherwise."""
    from leernet.decisions.models import Decision, DecisionVersion

    now = utcnow()
    item = Decision(
        title=title,
        proposal=fields.pop("proposal", "We doen het zo."),
        method=method,
        status=status,
        proposer_id=proposer.id if proposer else None,
        opened_at=None if status == "draft" else now - timedelta(days=1),
        closes_at=now + (closes_in if closes_in is not None else timedelta(days=3)),
        **fields,
    )
    db.session.add(item)
    db.session.flush()
    if status != "draft":
        db.session.add(DecisionVersion(decision_id=item.id, number=1, proposal=item.proposal))
    db.session.commit()
    return item


def stance(decision, member, kind, reason="", version=None):
    from leernet.decisions.models import Stance

    item = Stance(
        decision_id=decision.id,
        member_id=member.id,
        kind=kind,
        reason=reason,
        version=version or decision.version,
    )
    db.session.add(item)
    db.session.commit()
    return item
