"""Shipped methods that work a case step by step: incident, gossip, ten steps.

Phases follow how Dutch intervision groups practise them (Hendriksen's incident
method; the gossip method; the ten-step model), with time boxes that fit an evening.
"""

from flask_babel import lazy_gettext as _l

from ..core.methods import Method, Phase
from ..core.rotation import CASE_BRINGER, FACILITATOR, MINUTE_TAKER, TIMEKEEPER

INCIDENT = Method(
    key="incident",
    name=_l("Incident method"),
    description=_l(
        "Hendriksen's method for a short, recent incident in which the case-bringer had to "
        "act. Everyone decides what they would have done before hearing what really happened."
    ),
    roles=(FACILITATOR, CASE_BRINGER, TIMEKEEPER, MINUTE_TAKER),
    phases=(
        Phase(
            _l("Choosing the incident"),
            5,
            _l(
                "Everyone names a recent work incident in one or two sentences. Together, pick one."
            ),
            _l("Prefer an incident that is recent, concrete and still matters to its owner."),
        ),
        Phase(
            _l("Sketching the incident"),
            5,
            _l(
                "The case-bringer describes the incident up to the moment they had to act, "
                "without saying what they did."
            ),
            _l("Stop the story at the moment of decision; the outcome comes later."),
        ),
        Phase(
            _l("Exploring questions"),
            15,
            _l(
                "Ask open, factual questions to understand the situation; the case-bringer "
                "answers. No advice or opinions yet."
            ),
            _l("Turn advice disguised as a question into a real question, kindly but firmly."),
            collects=True,
        ),
        Phase(
            _l("Formulating the question"),
            5,
            _l(
                "The case-bringer states the question in one sentence: what decision did "
                "the situation ask of them?"
            ),
            _l("Write the question where everyone can see it; the rest of the session serves it."),
        ),
        Phase(
            _l("Everyone's position"),
            10,
            _l(
                "In silence, everyone writes down what they would have done and why. The "
                "case-bringer writes down what they actually did."
            ),
            _l("Keep the room quiet so everyone forms their own view."),
            collects=True,
        ),
        Phase(
            _l("Positions shared"),
            10,
            _l(
                "One by one, read out your position and reasons. The case-bringer listens "
                "and does not respond yet."
            ),
            _l("Let each person finish; discussion waits until after the case-bringer speaks."),
        ),
        Phase(
            _l("What the case-bringer did"),
            5,
            _l("The case-bringer tells what they actually did, how it worked out and why."),
            _l("Ask the case-bringer which positions surprised them."),
        ),
        Phase(
            _l("Discussion"),
            10,
            _l(
                "Compare the approaches: what worked, what else was possible, and what does "
                "the case-bringer take away?"
            ),
            _l("Steer from who was right towards what everyone can learn from the differences."),
        ),
        Phase(
            _l("Evaluation"),
            5,
            _l("Look back on the session: what did it bring you, and how did the method work?"),
            _l("Ask the case-bringer to name one concrete action to report on next time."),
        ),
    ),
)

GOSSIP = Method(
    key="gossip",
    name=_l("Gossip method"),
    description=_l(
        "The case-bringer turns their back and listens while the group talks about their "
        "case as if they were not there. Playful and candid; best in a group that trusts "
        "each other."
    ),
    roles=(FACILITATOR, CASE_BRINGER, TIMEKEEPER),
    phases=(
        Phase(
            _l("Choosing the case"),
            5,
            _l("Whoever has a question names it briefly. Together, pick one case."),
            _l("Check that the case-bringer is comfortable being talked about."),
        ),
        Phase(
            _l("Introducing the question"),
            5,
            _l("The case-bringer briefly describes the situation and the question they bring."),
            _l("Keep it short: the detail comes out in the questions."),
        ),
        Phase(
            _l("Exploring questions"),
            15,
            _l(
                "Ask open questions to understand the situation and the question; the "
                "case-bringer answers briefly. No advice yet."
            ),
            _l("Make sure the group understands the question before the gossip starts."),
            collects=True,
        ),
        Phase(
            _l("Gossip round"),
            15,
            _l(
                "The case-bringer turns their back and only listens. The group talks about "
                "them and their case in the third person: causes, feelings, ideas."
            ),
            _l("Keep the gossip respectful and about the case, and keep the case-bringer out."),
            case_bringer_silent=True,
            collects=True,
        ),
        Phase(
            _l("Case-bringer's response"),
            10,
            _l(
                "The case-bringer turns back and tells what struck them, what they recognise "
                "and what they will do."
            ),
            _l("Let the case-bringer speak first; the group only asks what they meant."),
        ),
        Phase(
            _l("Evaluation"),
            5,
            _l("Look back together: what did the gossip bring, and how did it feel on both sides?"),
            _l("Ask how it felt to be talked about, and thank the case-bringer."),
        ),
    ),
)

TEN_STEPS = Method(
    key="ten_steps",
    name=_l("Ten-step model"),
    description=_l(
        "A thorough, well-structured method that moves from questions to the core of the "
        "problem and a new approach. Good for groups new to intervision."
    ),
    roles=(FACILITATOR, CASE_BRINGER, TIMEKEEPER, MINUTE_TAKER),
    phases=(
        Phase(
            _l("Describing the situation"),
            5,
            _l("The case-bringer describes the problem, their own part in it and its effect."),
            _l("Ask the case-bringer to end with their question to the group."),
        ),
        Phase(
            _l("Writing down questions"),
            5,
            _l("Everyone writes down clarifying questions, without asking them yet."),
            _l("Remind people to write open questions, not advice."),
            collects=True,
        ),
        Phase(
            _l("Choosing questions"),
            5,
            _l("Read the questions out. The case-bringer picks the ones that help them most."),
            _l("The case-bringer decides; the group does not defend its questions."),
        ),
        Phase(
            _l("Answering"),
            10,
            _l("The case-bringer answers the chosen questions."),
            _l("Keep the answers focused on the question the case-bringer brought."),
        ),
        Phase(
            _l("Further questions"),
            5,
            _l("A short round of follow-up questions on what is still unclear."),
            _l("Stop when the picture is clear enough, even if time is left."),
        ),
        Phase(
            _l("The core of the problem"),
            10,
            _l("Each peer says in one sentence what they think the real problem is."),
            _l("Ask the minute-taker to note every sentence word for word."),
        ),
        Phase(
            _l("Redefining the problem"),
            5,
            _l("The case-bringer reformulates their problem in their own words."),
            _l("Give the case-bringer a moment of silence to think before they answer."),
        ),
        Phase(
            _l("A new approach"),
            5,
            _l("The case-bringer says what they want to do differently and how ready they are."),
            _l("Ask how ready they are for it, on a scale if that helps."),
        ),
        Phase(
            _l("Tips and advice"),
            10,
            _l("Peers give concrete tips and advice for the new approach."),
            _l("One tip per person per round keeps it concrete and fair."),
            collects=True,
        ),
        Phase(
            _l("What we learned"),
            5,
            _l("Everyone shares what they take away for their own work."),
            _l("Close with the case-bringer's action, to come back to next time."),
        ),
    ),
)
