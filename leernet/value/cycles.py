"""The five value cycles, each with one plain sentence a member can recognise at a glance.

Keys are stable (they name database columns); labels and sentences are translatable.
"""

from flask_babel import lazy_gettext as _l

IMMEDIATE = "immediate"
POTENTIAL = "potential"
APPLIED = "applied"
REALISED = "realised"
REFRAMING = "reframing"
KEYS = (IMMEDIATE, POTENTIAL, APPLIED, REALISED, REFRAMING)

LABELS = {
    IMMEDIATE: _l("Immediate value"),
    POTENTIAL: _l("Potential value"),
    APPLIED: _l("Applied value"),
    REALISED: _l("Realised value"),
    REFRAMING: _l("Reframing value"),
}
#: Short names for chips, legends and table headers on a phone.
SHORT = {
    IMMEDIATE: _l("Immediate"),
    POTENTIAL: _l("Potential"),
    APPLIED: _l("Applied"),
    REALISED: _l("Realised"),
    REFRAMING: _l("Reframing"),
}
EXPLAINED = {
    IMMEDIATE: _l(
        "The meeting itself was worth it: inspiring, useful tips, a relief to be understood."
    ),
    POTENTIAL: _l("I gained something to use later: an idea, a skill, a contact, confidence."),
    APPLIED: _l("I have put something from the network into practice in my own work."),
    REALISED: _l("Something I applied made a real difference: better results."),
    REFRAMING: _l("I, or we, now see our goals or what counts as success differently."),
}


def chosen(obj):
    """The cycle keys set on a check-out or story, in the canonical order."""
    return [key for key in KEYS if getattr(obj, key)]
