"""An intervision session as a subject of minutes (as ``leernet/minutes/meeting_subject.py``
is for meetings): for its participants only by default, amended by them, managed by its
facilitator. What the minutes hold and when they are drawn up: ``intervision/minutes.py``.
"""

from flask import url_for
from flask_babel import lazy_gettext as _l

from ...minutes import rules, subjects
from ...minutes.search import also_watch
from .. import minutes, privacy
from ..models import Participant

SESSION = subjects.register(
    subjects.Subject(
        kind=minutes.KIND,
        label=_l("Intervision session"),
        load=minutes.load,
        title=minutes.title,
        url=lambda session: url_for("intervision.session_page", session_id=session.id),
        meeting_id=lambda session: session.meeting_id,
        people=minutes.participant_ids,
        manages=lambda user, session: user.id == minutes.facilitator_id(session),
        managers=lambda session: {minutes.facilitator_id(session)} - {None},
        visibilities=(rules.PARTICIPANTS, rules.ATTENDEES),
        initial_text=minutes.notes_markdown,
        minute_taker=minutes.minute_taker_id,
        expired=privacy.due_ids,
        hints={
            rules.DRAFT: _l("Only the minute-taker and the facilitator can see this draft."),
            rules.SHARED: _l(
                "The session's participants can read and amend these minutes until the "
                "facilitator approves them."
            ),
            rules.APPROVED: _l("Approved and locked. Only the facilitator can unlock them."),
        },
    )
)
also_watch(Participant, lambda row: [row.session_id], minutes.KIND)
