"""Shipped methods built on listening and inquiry: Balint, action learning, troika,
a Socratic dialogue. Balint and troika send the case-bringer "out of the
circle" for a round; those phases are marked silent.
"""

from flask_babel import lazy_gettext as _l

from ..core.methods import Method, Phase
from ..core.rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER, TIMEKEEPER

BALINT = Method(
    key="balint",
    name=_l("Balint method"),
    description=_l(
        "About the relationship between the case-bringer and someone they work with. The "
        "group shares associations and feelings, not solutions, while the case-bringer "
        "listens from outside the circle."
    ),
    roles=(FACILITATOR, CASE_BRINGER, TIMEKEEPER),
    phases=(
        Phase(
            _l("The case"),
            10,
            _l(
                "The case-bringer tells, without notes, about someone they work with who "
                "keeps them busy."
            ),
            _l("Ask for the story as it comes; gaps and contradictions are material too."),
        ),
        Phase(
            _l("Factual questions"),
            10,
            _l("Ask only factual questions to complete the picture."),
            _l("Hold back questions that already carry an interpretation."),
            collects=True,
        ),
        Phase(
            _l("The group explores"),
            20,
            _l(
                "The case-bringer moves out of the circle and only listens. The group shares "
                "associations, feelings and images the case evokes, about the relationship."
            ),
            _l("Keep the group on feelings and the relationship, away from advice."),
            case_bringer_silent=True,
            collects=True,
        ),
        Phase(
            _l("The case-bringer returns"),
            10,
            _l("The case-bringer comes back and says what struck them and what they recognise."),
            _l("The case-bringer does not have to defend anything; just listen."),
        ),
        Phase(
            _l("Closing round"),
            10,
            _l("Everyone says briefly what the case touched in them and what they take along."),
            _l("Close on time and thank the case-bringer for their openness."),
        ),
    ),
)

ACTION_LEARNING = Method(
    key="action_learning",
    name=_l("Action learning set"),
    description=_l(
        "The set helps one presenter towards action with questions only, no advice. About "
        "35 minutes per presenter; run one session for each presenter."
    ),
    roles=(FACILITATOR, CASE_BRINGER, TIMEKEEPER),
    phases=(
        Phase(
            _l("Presenting the issue"),
            5,
            _l(
                "The presenter reports on last time's actions, then presents their issue and "
                "the help they want."
            ),
            _l("Ask the presenter what a good outcome of this session would be."),
        ),
        Phase(
            _l("Questioning"),
            15,
            _l(
                "Set members ask open, challenging questions, one at a time. No advice and "
                "no stories of your own."
            ),
            _l("Leave room for silence after a question; the thinking happens there."),
            collects=True,
        ),
        Phase(
            _l("Agreeing actions"),
            10,
            _l("The presenter names concrete actions to take before the next meeting."),
            _l("Help make each action specific: what, by when, and how will we know?"),
        ),
        Phase(
            _l("Reflecting on learning"),
            5,
            _l("Everyone reflects: which questions helped, and what did you learn?"),
            _l("Ask the set which question opened things up most."),
        ),
    ),
)

TROIKA = Method(
    key="troika",
    name=_l("Troika consulting"),
    description=_l(
        "Groups of three, three rounds of ten minutes: each person is the client once, "
        "while the other two consult with the client's back turned to them."
    ),
    roles=(CASE_BRINGER, TIMEKEEPER),
    turns=3,
    phases=(
        Phase(
            _l("The challenge"),
            2,
            _l("The client of this round describes their challenge and the help they want."),
            _l("Keep it to a couple of minutes: a challenge, not a whole history."),
        ),
        Phase(
            _l("Clarifying questions"),
            2,
            _l("The two consultants ask clarifying questions; the client answers."),
            _l("Only questions that help you understand; ideas come next."),
            collects=True,
        ),
        Phase(
            _l("Consultation"),
            4,
            _l(
                "The client turns their back and listens. The consultants talk together about "
                "the challenge: ideas, suggestions, advice."
            ),
            _l("Talk to each other, not to the client's back."),
            case_bringer_silent=True,
            collects=True,
        ),
        Phase(
            _l("The client responds"),
            2,
            _l("The client turns around and says what was most useful. Then switch roles."),
            _l("Thank each other and move on to the next client."),
        ),
    ),
)

SOCRATIC = Method(
    key="socratic",
    name=_l("Socratic intervision"),
    description=_l(
        "A Socratic dialogue: from one lived example, the group examines the "
        "convictions behind a judgement. About understanding, not advice."
    ),
    roles=(FACILITATOR, CASE_BRINGER, MINUTE_TAKER),
    phases=(
        Phase(
            _l("Question and example"),
            10,
            _l(
                "The case-bringer presents a central question and a concrete example they "
                "lived through themselves."
            ),
            _l("Check that the example is real, personal and finished."),
        ),
        Phase(
            _l("Understanding the example"),
            10,
            _l("Ask questions about the facts of the example until everyone can picture it."),
            _l("Keep questions on the example, not on the general question."),
        ),
        Phase(
            _l("The key statement"),
            10,
            _l(
                "Find the crucial moment in the example and formulate, together with the "
                "case-bringer, the judgement they made there."
            ),
            _l("Ask the minute-taker to write the statement large, word for word."),
        ),
        Phase(
            _l("Examining the statement"),
            15,
            _l(
                "Do you share the statement? Explore the reasons, values and assumptions behind it."
            ),
            _l("Welcome disagreement: it shows where the assumptions lie."),
            collects=True,
        ),
        Phase(
            _l("Answering the central question"),
            10,
            _l(
                "Formulate what the dialogue teaches about the central question; the "
                "case-bringer says what they take away."
            ),
            _l("A shared answer is not required; a clearer question is a result too."),
        ),
        Phase(
            _l("Reflecting on the dialogue"),
            5,
            _l("Look back on the conversation itself: how did we think and listen together?"),
            _l("Ask what made the conversation go deeper, or what stopped it."),
        ),
    ),
)
