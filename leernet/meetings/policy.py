"""Who may do what with meetings: the rules behind the views' ``@access``.

One network, so every active member sees every meeting; the host, whoever scheduled
it and the coordinators change it. Scheduling is for coordinators, and for members too
when the network allows it.
"""

from flask import abort

from ..admin.models import current_network
from ..extensions import db
from .models import Meeting


def may_schedule(user, **_args):
    network = current_network()
    return bool(user.is_coordinator or (network and network.members_may_schedule))


def may_manage(user, meeting):
    return bool(
        user.is_active
        and (user.is_coordinator or user.id in (meeting.host_id, meeting.created_by_id))
    )


def manages_meeting(user, meeting_id, **_args):
    """Access rule for a meeting's edit pages: 404 when it does not exist."""
    meeting = db.session.get(Meeting, meeting_id)
    if meeting is None:
        abort(404)
    return may_manage(user, meeting)
