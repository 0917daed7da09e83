"""What people read for the rules' codes (kept apart so ``rules.py`` stays Flask-free)."""

from flask_babel import lazy_gettext as _l

from . import rules as r

METHODS = {
    r.CONSENT: _l("Consent"),
    r.MAJORITY: _l("Majority vote"),
    r.CONSENSUS: _l("Consensus"),
    r.ADVICE: _l("Advice process"),
}
METHOD_HINTS = {
    r.CONSENT: _l("Passes unless someone objects, with a reason, by the closing time."),
    r.MAJORITY: _l("Yes, no or abstain; it needs a quorum and a majority of the votes."),
    r.CONSENSUS: _l("Everyone agrees or stands aside; one block stops it."),
    r.ADVICE: _l("You ask for advice, then decide yourself and say how you weighed it."),
}
KINDS = {
    "agree": _l("Agree"),
    "no_objection": _l("No objection"),
    "objection": _l("Objection"),
    "yes": _l("Yes"),
    "no": _l("No"),
    "abstain": _l("Abstain"),
    "stand_aside": _l("Stand aside"),
    "block": _l("Block"),
    "support": _l("In favour"),
    "concern": _l("Concerns"),
}
REASON_LABELS = {
    r.CONSENT: _l("Reason (needed for an objection)"),
    r.MAJORITY: _l("Comment (optional)"),
    r.CONSENSUS: _l("Reason (needed for a block)"),
    r.ADVICE: _l("Your advice"),
}
STATUSES = {
    r.DRAFT: _l("Draft"),
    r.OPEN: _l("Open"),
    r.CLOSED: _l("Closed"),
    r.WITHDRAWN: _l("Withdrawn"),
}
OUTCOMES = {
    r.ADOPTED: _l("Adopted"),
    r.REJECTED: _l("Rejected"),
    r.NO_QUORUM: _l("No quorum"),
    r.OBJECTED: _l("Not adopted: an objection stands"),
    r.BLOCKED: _l("Blocked"),
    r.NO_SUPPORT: _l("Not adopted: nobody agreed"),
    r.LAPSED: _l("Lapsed: no decision was recorded"),
}
THRESHOLDS = {
    r.SIMPLE: _l("Simple majority (more yes than no)"),
    r.TWO_THIRDS: _l("Two-thirds majority"),
}
#: Why a stance was refused, for ``rules.stance_refusal``'s codes.
REFUSALS = {
    "inactive": _l("Your account is deactivated, so you can no longer take part."),
    "withdrawn": _l("This proposal was withdrawn; it no longer takes stances."),
    "draft": _l("This proposal is still a draft; it is not open for stances yet."),
    "closed": _l("This decision has closed; its outcome and stances can no longer change."),
    "proposer_advice": _l("You are collecting the advice: record your decision instead."),
    "unknown_kind": _l("Please choose one of the options."),
    "reason_required": _l("Please give a reason: others need it to respond."),
}
