"""Bulk-create sessions for the benchmark's large network (and other seeders).

Plain multi-row INSERTs, not the ORM unit of work and not the rotation: 1,500 sessions
with their participants go in within seconds. Roles are dealt round the participants so
the history and home pages have realistic data to read.
"""

import random
from datetime import timedelta

from sqlalchemy import insert, select

from leernet.extensions import db
from leernet.intervision import catalogue
from leernet.intervision.core import timer
from leernet.intervision.models import Participant, Session
from leernet.intervision.plans import snapshot
from leernet.meetings.models import Meeting


def bulk_sessions(meeting_ids, member_ids, count, *, per_session=5, method="incident",
                  status=timer.FINISHED, seed=0):  # fmt: skip
    """Insert ``count`` sessions spread over ``meeting_ids``, each with ``per_session``
    members from ``member_ids`` holding the method's roles; return the new ids.

    ``status`` "finished" (past sessions) or "running" (started now, for polling).
    The caller commits.
    """
    rng = random.Random(seed)
    chosen = catalogue.get_method(method)
    plan = snapshot(chosen, shipped=True)
    query = select(Meeting.id, Meeting.starts_at).where(Meeting.id.in_(meeting_ids))
    starts = dict(db.session.execute(query).all())
    rows = []
    for number in range(count):
        meeting_id = meeting_ids[number % len(meeting_ids)]
        begin = starts[meeting_id] + timedelta(minutes=15)
        running = status == timer.RUNNING
        rows.append({
            "meeting_id": meeting_id, "name": f"Groep {number % 9 + 1}",
            "method_key": chosen.key, "plan": plan, "case_question": "", "roles_edited": False,
            "phase": 0, "paused_seconds": 0.0, "extra_seconds": 0, "status": status,
            "version": 1 if running else 2, "started_at": begin,
            "finished_at": None if running else begin + timedelta(minutes=chosen.total_minutes),
        })  # fmt: skip
    ids = list(
        db.session.scalars(
            insert(Session).returning(Session.id, sort_by_parameter_order=True), rows
        )
    )
    people = []
    for session_id in ids:
        members = rng.sample(list(member_ids), min(per_session, len(member_ids)))
        for index, user_id in enumerate(members):
            role = chosen.roles[index] if index < len(chosen.roles) else None
            people.append({"session_id": session_id, "user_id": user_id, "role": role,
                           "held_role": role, "volunteered": False, "passed": False})  # fmt: skip
    if people:
        db.session.execute(insert(Participant), people)
    return ids
