"""What states, visibilities, lifecycle events and refusals are called on the page."""

from flask_babel import lazy_gettext as _l

from . import rules

STATES = {
    rules.DRAFT: _l("Draft"),
    rules.SHARED: _l("Shared for amendment"),
    rules.APPROVED: _l("Approved"),
}
STATE_HINTS = {
    rules.DRAFT: _l("Only the minute-taker, the host and coordinators can see this draft."),
    rules.SHARED: _l("Attendees can read and amend these minutes until they are approved."),
    rules.APPROVED: _l("Approved and locked. Only the host or a coordinator can unlock them."),
}
VISIBILITIES = {
    rules.NETWORK: _l("The whole network"),
    rules.ATTENDEES: _l("Attendees only"),
    rules.PARTICIPANTS: _l("Session participants only"),
}
EVENTS = {
    "shared": _l("shared for amendment"),
    "approved": _l("approved and locked"),
    "unlocked": _l("unlocked"),
    "visibility": _l("changed who can read them"),
}
REFUSALS = {
    "locked": _l("These minutes are approved and locked. Unlock them first to change them."),
    "changed": _l("The minutes changed in the meantime. Please look again."),
    "empty": _l("Write something before you share the minutes."),
    "reason": _l("Please say why you unlock the approved minutes."),
    "visibility": _l("Choose who can read the minutes."),
    "no_revision": _l("That revision does not exist."),
    "conflict": _l("Someone else saved the minutes while you were editing."),
    "draft": _l("Only the minute-taker and whoever approves these minutes can change a draft."),
    "taken": _l(
        "Someone else has started these minutes. Keep your notes: copy them, and add them "
        "once the minutes are shared for amendment."
    ),
}
