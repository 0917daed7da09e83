"""The shipped intervision methods and the rules for custom ones."""

import pytest
from flask_babel import force_locale
from hypothesis import given
from hypothesis import strategies as st

from leernet.intervision.catalogue import METHODS, ROLE_LABELS, Phase, get_method, validate_method
from leernet.intervision.core.rotation import CASE_BRINGER, FACILITATOR, ROLES

STATED_MINUTES = {
    "incident": 70,
    "gossip": 55,
    "ten_steps": 65,
    "balint": 60,
    "action_learning": 35,
    "troika": 30,
    "socratic": 60,
    "compact": 60,
}


def test_the_eight_methods_are_shipped_under_stable_keys():
    assert set(METHODS) == set(STATED_MINUTES)
    assert all(key == method.key for key, method in METHODS.items())
    assert get_method("gossip") is METHODS["gossip"]
    assert get_method("nonsense") is None


@pytest.mark.parametrize("key", sorted(STATED_MINUTES))
def test_every_shipped_method_is_valid_and_complete(key):
    method = METHODS[key]
    assert validate_method(method.phases, method.roles) == []
    assert abs(method.total_minutes - STATED_MINUTES[key]) <= 5
    assert CASE_BRINGER in method.roles and set(method.roles) <= set(ROLES)
    assert str(method.name) and len(str(method.description)) > 40
    for phase in method.phases:
        assert 1 <= phase.minutes <= 120
        assert str(phase.name) and str(phase.instruction).endswith((".", "?"))
        assert str(phase.tip).endswith((".", "?")), (key, str(phase.name))
    assert len(method.durations_seconds()) == method.turns * len(method.phases)
    assert sum(method.durations_seconds()) == method.total_minutes * 60


def test_silent_phases_are_where_the_case_bringer_turns_away():
    silent = {key for key, method in METHODS.items() if method.silent_phases}
    assert silent == {"gossip", "balint", "troika"}
    assert [str(p.name) for p in METHODS["gossip"].silent_phases] == ["Gossip round"]
    assert "back" in str(METHODS["gossip"].silent_phases[0].instruction)


def test_the_incident_method_follows_its_steps():
    names = [str(phase.name) for phase in METHODS["incident"].phases]
    assert names[0] == "Choosing the incident" and names[-1] == "Evaluation"
    assert names.index("Exploring questions") < names.index("Formulating the question")
    assert names.index("Positions shared") < names.index("What the case-bringer did")
    assert len(METHODS["ten_steps"].phases) == 10


def test_troika_repeats_its_phases_for_each_client():
    troika = METHODS["troika"]
    assert troika.turns == 3 and FACILITATOR not in troika.roles
    assert troika.durations_seconds() == [120, 120, 240, 120] * 3
    turn, phase = troika.step(6)
    assert (turn, str(phase.name)) == (2, "Consultation")
    assert phase.case_bringer_silent


def test_methods_and_roles_speak_dutch(app):
    with app.test_request_context(), force_locale("nl"):
        assert str(METHODS["gossip"].name) == "Roddelmethode"
        assert str(METHODS["incident"].name) == "Incidentmethode"
        assert str(ROLE_LABELS[CASE_BRINGER]) == "Inbrenger"
        assert "inbrenger" in str(METHODS["gossip"].silent_phases[0].instruction)


def codes(issues):
    return [(issue.code, issue.phase) for issue in issues]


def test_validator_names_each_problem_with_its_phase():
    assert codes(validate_method([])) == [("no_phases", None)]
    phases = [
        {"name": "Vragen", "minutes": 0},
        {"name": "  ", "minutes": 10},
        Phase("Roddelen", 600),
        {"name": "Adviezen", "minutes": "abc"},
        {"name": "Afronding", "minutes": True},
        {"name": "x" * 81, "minutes": 120},
        Phase("Evaluatie", 1),
    ]
    assert codes(validate_method(phases)) == [
        ("minutes_out_of_range", 1),
        ("empty_name", 2),
        ("minutes_out_of_range", 3),
        ("minutes_out_of_range", 4),
        ("minutes_out_of_range", 5),
        ("name_too_long", 6),
    ]
    message = str(validate_method([Phase("Lang", 600)])[0].message)
    assert message == "Phase 1 must last between 1 and 120 minutes."


def test_validator_checks_roles_and_the_number_of_phases():
    ok = [Phase("Ronde", 5)]
    assert codes(validate_method(ok, ["facilitator", "chair"])) == [("unknown_role", None)]
    assert codes(validate_method(ok, ["timekeeper", "timekeeper"])) == [("duplicate_role", None)]
    assert codes(validate_method(ok * 21)) == [("too_many_phases", None)]
    assert validate_method([{"name": "Ronde", "minutes": "15"}]) == []


# A visible first character makes every name non-blank without filtering (cheap to draw).
names = st.builds(str.__add__, st.sampled_from("AbÉß7"), st.text(max_size=79))


@given(st.lists(st.tuples(names, st.integers(-1000, 1000)), max_size=20))
def test_validator_accepts_exactly_the_phases_of_1_to_120_minutes(phases):
    issues = validate_method([Phase(name, minutes) for name, minutes in phases])
    wrong = [n for n, (_, minutes) in enumerate(phases, 1) if not 1 <= minutes <= 120]
    assert [i.phase for i in issues if i.code == "minutes_out_of_range"] == wrong
    assert bool(issues) == (not phases or bool(wrong))
