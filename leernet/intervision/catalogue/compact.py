"""The compact method: a general-purpose hour for groups that want one clear routine.

It borrows the steps most Dutch intervision methods share (question, questions back,
a sharper question, perspectives, advice, action) without the special forms of the
others (no silent round, no written positions), so a group can start with it the first
evening and keep it when time is short.
"""

from flask_babel import lazy_gettext as _l

from ..core.methods import Method, Phase
from ..core.rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER, TIMEKEEPER

COMPACT = Method(
    key="compact",
    name=_l("Compact intervision"),
    description=_l(
        "A general-purpose hour: the case, open questions, a sharper question, everyone's "
        "perspective, advice and one action. Easy to learn and easy to fit into an evening."
    ),
    roles=(FACILITATOR, CASE_BRINGER, TIMEKEEPER, MINUTE_TAKER),
    phases=(
        Phase(
            _l("The case"),
            5,
            _l("The case-bringer briefly describes the situation and ends with a question."),
            _l("Ask for the question first if the story threatens to run long."),
        ),
        Phase(
            _l("Open questions"),
            15,
            _l(
                "Everyone asks open questions to understand the situation; the case-bringer "
                "answers. No advice yet."
            ),
            _l('Turn "have you tried..." into a real question before it is answered.'),
            collects=True,
        ),
        Phase(
            _l("Sharpening the question"),
            5,
            _l("The case-bringer says in one sentence what they now really want to know."),
            _l("Ask the minute-taker to note the sharpened question word for word."),
        ),
        Phase(
            _l("Perspectives"),
            15,
            _l(
                "One by one, say what you see in the case: the core, patterns, your own "
                "experience. The case-bringer listens."
            ),
            _l("Give everyone a turn before anyone reacts."),
        ),
        Phase(
            _l("Advice"),
            10,
            _l("Peers give concrete suggestions; the case-bringer says which ones help."),
            _l("One suggestion per person per round keeps it concrete."),
            collects=True,
        ),
        Phase(
            _l("Action and evaluation"),
            10,
            _l(
                "The case-bringer names one action to report on next time; everyone says "
                "what they take away."
            ),
            _l("Check that the action is specific: what, and by when?"),
        ),
    ),
)
