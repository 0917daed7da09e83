"""Who could answer a question: matching question words against expertise tags."""

from hypothesis import given
from hypothesis import strategies as st

from leernet.questions.suggest import matching_tags, question_words, rank_members

TAGS = ["subsidies", "fondsenwerving", "fair practice", "hr", "creative europe", "marketing"]


def test_tags_match_words_plurals_and_compounds():
    assert matching_tags("Wie heeft al eens subsidie aangevraagd?", TAGS) == ["subsidies"]
    assert matching_tags("Welk fonds past bij ons project?", TAGS) == ["fondsenwerving"]
    assert matching_tags("Hoe pas je de Fair Practice Code toe?", TAGS) == ["fair practice"]
    assert matching_tags("Ervaring met Creative Europe?", TAGS) == ["creative europe"]


def test_common_and_short_words_do_not_match():
    assert matching_tags("Wie is er van de partij?", TAGS) == []
    assert matching_tags("practice makes perfect", TAGS) == [], "every word of a tag must match"
    assert "de" not in question_words("de het een wie subsidie")
    assert matching_tags("", TAGS) == []


def test_members_ranked_by_matching_tags_then_specialists():
    members = {
        1: ["subsidies", "fondsenwerving", "hr"],
        2: ["subsidies"],
        3: ["subsidies", "fondsenwerving"],
        4: ["marketing"],
        5: ["subsidies", "fondsenwerving"],
    }
    ranked = rank_members(members, ["subsidies", "fondsenwerving"], exclude={5})
    assert ranked == [
        (3, ["fondsenwerving", "subsidies"]),
        (1, ["fondsenwerving", "subsidies"]),
        (2, ["subsidies"]),
    ]
    assert rank_members(members, ["subsidies"], limit=1) == [(2, ["subsidies"])]
    assert rank_members(members, []) == []


@given(
    st.dictionaries(st.integers(1, 50), st.lists(st.sampled_from(TAGS), max_size=4)),
    st.lists(st.sampled_from(TAGS)),
)
def test_ranking_properties(members, matched):
    ranked = rank_members(members, matched, exclude={1}, limit=5)
    assert len(ranked) <= 5 and all(member_id != 1 for member_id, _hits in ranked)
    scores = [len(hits) for _member_id, hits in ranked]
    assert scores == sorted(scores, reverse=True)
    assert all(set(hits) <= set(matched) and hits for _member_id, hits in ranked)
