"""Plain functions that build test data (no fixture files)."""

import io
import itertools
from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from werkzeug.datastructures import FileStorage

from leernet.admin.models import Invitation, Network
from leernet.extensions import db
from leernet.members.accounts import set_tags
from leernet.members.models import User
from leernet.questions import board
from leernet.resources import library
from leernet.security import hash_password
from leernet.timeutil import utcnow

PASSWORD = "een lang wachtwoord"
AMS = ZoneInfo("Europe/Amsterdam")
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


#: The smallest valid PNG (1 x 1 pixel), for image uploads.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5d8fd1d0000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def resource(added_by, title="Subsidiewijzer", kind="link", url="https://example.org/fonds",
             description="", tags="subsidies", filename="", content=b""):  # fmt: skip
    upload = FileStorage(io.BytesIO(content), filename=filename) if kind == "file" else None
    item = library.add(
        added_by,
        kind,
        title,
        description=description or ("Een notitie." if kind == "note" else ""),
        url=url,
        tags=tags,
        upload=upload,
        upload_dir=current_app.config["UPLOAD_DIR"],
        max_bytes=current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024,
    )
    db.session.commit()
    return item


def meeting(title="Intervisie", days=7, hours=3, kind="intervision", host=None, **fields):
    """A meeting ``days`` from now (negative: in the past), lasting ``hours``."""
    from leernet.meetings.models import Meeting

    start = utcnow().replace(second=0, microsecond=0) + timedelta(days=days)
    item = Meeting(
        title=title,
        kind=kind,
        starts_at=start,
        ends_at=start + timedelta(hours=hours),
        host_id=host.id if host else None,
        **fields,
    )
    db.session.add(item)
    db.session.commit()
    return item


def question(asked_by, title="Wie heeft al eens subsidie aangevraagd?", body=""):
    item = board.ask(asked_by, title, body)
    db.session.commit()
    return item


def answer(question, author, body="Ik, bij het Fonds Podiumkunsten."):
    item = board.answer(author, question, body)
    db.session.commit()
    return item


def rsvp(meeting, user, answer="yes", note=""):
    """An answer through the real rule (waiting list included)."""
    from leernet.meetings.rsvp import answer as give

    row, _promoted = give(meeting, user, answer, note, utcnow())
    db.session.commit()
    return row


def series(title="Intervisie", first=None, until=None, frequency="weeks", interval=1, by=None):
    from datetime import time

    from leernet.meetings import recurrence, schedule

    first = first or (utcnow() + timedelta(days=7)).date()
    rule = recurrence.Rule(
        frequency=frequency,
        interval=interval,
        first=first,
        until=until or first + timedelta(days=60),
        starts=time(10),
        ends=time(16),
        timezone="Europe/Amsterdam",
    )
    made, meetings = schedule.create_series(schedule.Details(title=title), rule, by)
    db.session.commit()
    return made, meetings


def poll(creator, title="Volgende bijeenkomst", days=(7, 14, 21)):
    from leernet.polls.models import DatePoll, PollOption

    item = DatePoll(title=title, created_by_id=creator.id)
    start = utcnow().replace(second=0, microsecond=0)
    for day in days:
        begin = start + timedelta(days=day)
        item.options.append(PollOption(starts_at=begin, ends_at=begin + timedelta(hours=2)))
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


def attend(meeting, *users):
    from leernet.meetings.models import Attendance

    for user in users:
        db.session.add(Attendance(meeting_id=meeting.id, user_id=user.id))
    db.session.commit()


def checkout(meeting, user, usefulness=4, cycles=("immediate",), takeaway=""):
    from leernet.value.models import CheckOut

    item = CheckOut(
        meeting_id=meeting.id,
        user_id=user.id,
        usefulness=usefulness,
        takeaway=takeaway,
        **{
            key: key in cycles
            for key in ("immediate", "potential", "applied", "realised", "reframing")
        },
    )
    db.session.add(item)
    db.session.commit()
    return item


def story(author, title="De subsidietip werkte", text="We kregen de subsidie.", cycles=("applied",),
          visibility="network", in_report=False, link=None, days_ago=0):  # fmt: skip
    from leernet.value.models import Story

    told = utcnow() - timedelta(days=days_ago)
    item = Story(
        author_id=author.id if author else None,
        title=title,
        text=text,
        visibility=visibility,
        in_report=in_report,
        link_kind=link[0] if link else None,
        link_id=link[1] if link else None,
        created_at=told,
        updated_at=told,
        **{
            key: key in cycles
            for key in ("immediate", "potential", "applied", "realised", "reframing")
        },
    )
    db.session.add(item)
    db.session.commit()
    return item


def minutes(meeting, author, *texts, state="draft", visibility=None):
    """Minutes of ``meeting`` with one revision per text (by ``author``), in ``state``."""
    from leernet.minutes import service, subjects
    from leernet.minutes.models import Minutes

    subject = subjects.get("meeting")
    item = service.ensure(subject, meeting, taker_id=author.id)
    for text in texts or ("## Besproken\n\nWe hebben het gehad over subsidies.\n",):
        service.save(item, item.head, text, author, utcnow())
    if visibility:
        item.visibility = visibility
    if state != "draft":
        item.state = state
        if state == "approved":
            item.locked_by_id, item.locked_at = author.id, utcnow()
    db.session.commit()
    return db.session.get(Minutes, item.id)


def action(owner, what="Subsidieaanvraag rondsturen", by=None, due_in=7, meeting=None,
           minutes=None, done=False):  # fmt: skip
    from leernet.minutes.models import ActionItem

    item = ActionItem(
        what=what,
        owner_id=owner.id,
        created_by_id=(by or owner).id,
        due_on=(utcnow() + timedelta(days=due_in)).date() if due_in is not None else None,
        meeting_id=meeting.id if meeting else (minutes.meeting_id if minutes else None),
        minutes_id=minutes.id if minutes else None,
        done_at=utcnow() if done else None,
    )
    db.session.add(item)
    db.session.commit()
    return item


def intervision(meeting, members, method="incident", roles=None, name="Groep 1", **fields):
    """An intervision session in ``meeting`` for ``members``; ``roles`` maps role -> user."""
    from leernet.intervision import catalogue
    from leernet.intervision import sessions as service

    item = service.create(
        meeting, name, catalogue.get_method(method), True, None, [u.id for u in members], None
    )
    for key, value in fields.items():
        setattr(item, key, value)
    db.session.flush()
    holders = {user.id: role for role, user in (roles or {}).items()}
    for participant in item.participants:
        participant.role = holders.get(participant.user_id)
        if item.status != "ready":
            participant.held_role = participant.role
    db.session.commit()
    return item


def commitment(session, user, action="Ik bel de wethouder.", reflection="Het hielp."):
    from leernet.intervision.models import Commitment

    item = Commitment(session_id=session.id, user_id=user.id, action=action, reflection=reflection)
    db.session.add(item)
    db.session.commit()
    return item


def group_link(by, days=14, max_uses=None, approval=True, newcomer=None):
    """A group link; with ``newcomer`` (a name) also someone waiting for approval through it."""
    from leernet.admin import group_links

    link = group_links.create(by, days, max_uses, approval)
    request = None
    if newcomer:
        email = newcomer.lower().replace(" ", ".") + "@example.org"
        user = group_links.join(link, newcomer, email, PASSWORD, "nl")
        db.session.flush()
        request = db.session.scalars(
            db.select(group_links.JoinRequest).filter_by(user_id=user.id)
        ).one()
    db.session.commit()
    return link, request


def board_item(author, title="Producent gezocht", kind="vacancy", days=14, tags="", **fields):
    """A notice on the board, ending ``days`` from today (network time)."""
    from leernet.board.items import post
    from leernet.value.figures import local_today

    item = post(author, kind, title, fields.pop("body", "Voor een **tournee**."),
                fields.pop("link", ""), local_today() + timedelta(days=days), tags)  # fmt: skip
    for name, value in fields.items():
        setattr(item, name, value)
    db.session.commit()
    return item


def board_reply(item, author, body="Ik ken iemand."):
    from leernet.board.models import BoardReply

    reply = BoardReply(item=item, author=author, body=body)
    db.session.add(reply)
    db.session.commit()
    return reply


def comment(decision, author, body="Wat kost het?", version=None):
    from leernet.discussion.models import ProposalComment

    item = ProposalComment(
        decision_id=decision.id, author=author, body=body, version=version or decision.version
    )
    db.session.add(item)
    db.session.commit()
    return item
