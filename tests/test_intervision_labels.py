"""Rotation's reasons and problems as sentences, in English and Dutch."""

from datetime import date

from flask_babel import force_locale

from leernet.intervision.core import rotation
from leernet.intervision.core.rotation import Explanation, Problem
from leernet.intervision.views import labels

TODAY = date(2026, 11, 25)
NAMES = {1: "Fien", 2: "Cas"}


def test_the_proposal_says_why_with_its_numbers(app):
    why = Explanation("facilitator", 1, 1, 12, date(2026, 3, 3), rotation.LEAST_OFTEN, 2)
    with app.test_request_context(), force_locale("en"):
        assert labels.explain(why, NAMES, TODAY) == (
            "Facilitated 1 of 12 sessions, last on 3 March. Held it least often of everyone here."
        )
    with app.test_request_context(), force_locale("nl"):
        text = labels.explain(why, NAMES, TODAY)
    assert text.startswith("Begeleidde 1 van 12 sessies, laatst op 3 maart.")


def test_every_reason_and_problem_reads_as_a_sentence(app):
    reasons = [rotation.LONGEST_AGO, rotation.FEWER_ROLES, rotation.TIEBREAK, rotation.VOLUNTEER,
               rotation.ONLY_CANDIDATE, rotation.LEFT_OVER, rotation.NO_ONE_ELSE,
               rotation.NEEDED_ELSEWHERE, rotation.CHOSEN]  # fmt: skip
    with app.test_request_context(), force_locale("en"):
        for reason in reasons:
            why = Explanation("case_bringer", 1, 0, 3, None, reason, 2)
            text = labels.explain(why, NAMES, TODAY)
            assert text.startswith("Brought a case in 0 of 3 sessions.") and text.endswith(".")
        assert "Cas" in labels.explain(
            Explanation("timekeeper", 1, 2, 5, date(2025, 1, 9), rotation.LONGEST_AGO, 2),
            NAMES,
            TODAY,
        )
        first = Explanation("minute_taker", 1, 0, 0, None, rotation.TIEBREAK, 2)
        assert labels.explain(first, NAMES, TODAY).startswith("No sessions in the last year yet.")
        few = labels.problem(Problem(rotation.TOO_FEW_PARTICIPANTS, 4, 3), NAMES)
        assert "needs 4 people" in few and "only 3 can take one" in few
        assert "facilitator by hand" in labels.problem(
            Problem(rotation.NO_ELIGIBLE_FACILITATOR, 1, 0, "facilitator"), NAMES
        )
        again = labels.problem(Problem("facilitates_again", role="facilitator", member_id=1), NAMES)
        assert again == "Fien also facilitated last time."
