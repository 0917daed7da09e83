"""The signed-in member as a hot endpoint reads them: a few columns, no ORM object.

The timer poll reads who is asking in the same query as its own row (see
``auth.joined_loader``). That is enough for Flask-Login's checks and the access rules
(id, coordinator, active, session version); any other attribute loads the full ``User``
once and answers from it, so code that needs more still works, at one query more.
"""

from ..extensions import db
from ..members.models import User


class Caller:
    is_authenticated = True
    is_anonymous = False

    def __init__(self, user_id, is_coordinator, is_active, session_version):
        self.id = user_id
        self.is_coordinator = is_coordinator
        self.is_active = is_active
        self.session_version = session_version

    def __getattr__(self, name):
        """Only for attributes not set above: the full ``User``'s."""
        if "_user" not in self.__dict__:
            self.__dict__["_user"] = db.session.get(User, self.id)
        return getattr(self.__dict__["_user"], name)
