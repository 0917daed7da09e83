"""What a member can hear about, who decides how, and which messages are passed on.

A *kind* is what code sends (``deliver("decision_opened", ...)``); a *topic* is what a
member chooses for (a handful of lines on their page, not one per kind). Adding a kind
is one line: name it in its topic's tuple, or declare a new ``Topic``.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

NOW, DAILY, WEEKLY, INBOX = "now", "daily", "weekly", "inbox"
MODES = {
    NOW: _l("Right away"),
    DAILY: _l("In a daily digest"),
    WEEKLY: _l("In a weekly digest"),
    INBOX: _l("Only in my inbox"),
}
DIGESTS = (DAILY, WEEKLY)


@dataclass(frozen=True)
class Topic:
    name: str
    label: str
    #: The network's default until a coordinator sets another.
    default: str
    kinds: tuple
    #: The whole text of a push notification: never the message's own words, so no
    #: confidential text (a case, an action from session minutes) leaves the server.
    alert: str


TOPICS = (
    Topic("proposals", _l("New proposals and decisions closing soon"), NOW,
          ("decision_opened", "decision_amended", "decision_closing", "decision_closed"),
          _l("A proposal needs you")),
    Topic("polls", _l("Date polls"), NOW, ("poll_new",), _l("Which dates suit you?")),
    Topic("questions", _l("Questions for your expertise, and answers"), NOW,
          ("question_asked", "answer"), _l("A question for you")),
    Topic("minutes", _l("Minutes to read and approve"), DAILY, ("minutes_shared",),
          _l("Minutes to read")),
    Topic("actions", _l("Actions for you"), NOW, ("action_assigned",), _l("A new action for you")),
    Topic("meetings", _l("New and changed meetings, reminders"), NOW,
          ("meeting_new", "meeting_changed", "meeting_cancelled", "meeting_place",
           "meeting_reminder"), _l("News about a meeting")),
    Topic("checkouts", _l("The check-out after a meeting"), NOW, ("value_checkout",),
          _l("How was the meeting?")),
    Topic("board", _l("New notices on the board"), DAILY, ("board_new",),
          _l("Something new on the notice board")),
    Topic("conversation", _l("Replies to my notices, comments on proposals I take part in"), NOW,
          ("board_reply", "proposal_comment"), _l("Someone answered you")),
)  # fmt: skip
BY_NAME = {topic.name: topic for topic in TOPICS}
BY_KIND = {kind: topic for topic in TOPICS for kind in topic.kinds}

#: Messages meant for a coordinator to pass on (the outbox). Everything else is
#: addressed to one member and readable only by them, in their inbox.
PASS_ON = frozenset({"invitation"})

#: Messages whose text is a working secret (a reset link): once e-mailed, the stored
#: copy is forgotten, so the link lives only in the member's own mailbox.
SENT_ONLY = frozenset({"reset"})


def topic_of(kind):
    """The topic a kind belongs to, or None (a pass-on message, a password reset)."""
    return BY_KIND.get(kind)
