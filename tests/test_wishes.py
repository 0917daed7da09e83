"""Learning wishes: the profile field, the directory's two questions, the home suggestions
(property tests for the matching), and the most wanted topics on the meeting form."""

from hypothesis import given, settings
from hypothesis import strategies as st

from leernet.extensions import db
from leernet.members.accounts import set_tags
from leernet.members.matching import LIMIT, relation, suggest
from leernet.members.models import User

from . import factories
from .conftest import login_as

TAGS = st.sampled_from(["subsidies", "hr", "marketing", "btw", "data", "licht"])
IDS = st.integers(min_value=1, max_value=12)
TAG_SETS = st.dictionaries(IDS, st.sets(TAGS, max_size=3), max_size=12)


def equal(a, b):
    return a == b


@settings(max_examples=200, deadline=None)
@given(knows=TAG_SETS, wants=TAG_SETS, a=IDS, b=IDS)
def test_the_relation_is_the_same_fact_seen_from_both_sides(knows, wants, a, b):
    ab, ba = relation(a, b, knows, wants), relation(b, a, knows, wants)
    assert ab.helps_me == ba.learns_from_me and ab.learns_from_me == ba.helps_me
    for match in (equal, None):
        extra = {} if match is None else {"match": match}
        mine = {s.member_id: s for s in suggest(a, knows, wants, set(knows) | {b}, None, **extra)}
        theirs = {s.member_id: s for s in suggest(b, knows, wants, set(knows) | {a}, None, **extra)}
        if a != b:
            assert (b in mine) == (a in theirs)


@settings(max_examples=200, deadline=None)
@given(knows=TAG_SETS, wants=TAG_SETS, me=IDS, eligible=st.sets(IDS))
def test_a_suggestion_never_names_yourself_or_an_ineligible_member(knows, wants, me, eligible):
    found = suggest(me, knows, wants, eligible)
    assert len(found) <= LIMIT
    assert all(s.member_id != me and s.member_id in eligible for s in found)
    assert all(s.helps_me or s.learns_from_me for s in found)
    everyone = suggest(me, knows, wants, eligible, limit=None)
    assert found == everyone[:LIMIT], "the three shown are the best of all"


def test_related_words_match_like_the_question_suggestions():
    found = suggest(1, {2: {"subsidies"}}, {1: {"subsidie"}}, {2})
    assert [(s.member_id, s.helps_me) for s in found] == [(2, ("subsidies",))]


def test_profile_says_what_i_want_to_learn(app, client, people):
    login_as(client, people, "member")
    saved = client.post(
        "/members/me",
        data={"name": "Bram Lid", "expertise": "subsidies, hr", "wishes": "Marketing, data",
              "contact": "email", "language": "en", "bio": ""},
    )  # fmt: skip
    assert saved.status_code == 303
    page = client.get(f"/members/{people['member'][0]}").get_data(as_text=True)
    assert "Wants to learn" in page and "marketing" in page and "data" in page
    assert 'value="data, marketing"' in client.get("/members/me").get_data(as_text=True)
    exported = client.get("/members/me/export").get_json(force=True)
    assert exported["profile"]["wants_to_learn"] == ["data", "marketing"]


def test_directory_answers_who_knows_and_who_else_wants_to_learn(app, client, people):
    with app.app_context():
        learner = factories.user("Lena Leerling")
        set_tags(learner, "marketing", "wishes")
        gone = factories.user("Gijs Gestopt", active=False)
        set_tags(gone, "marketing", "wishes")
        set_tags(db.session.get(User, people["member"][0]), "marketing", "wishes")
        db.session.commit()
    login_as(client, people, "member")
    page = client.get("/members/?tag=marketing").get_data(as_text=True)
    knows, _sep, learns = page.partition("Who else wants to learn about marketing")
    assert "Chris Ander" in knows and "Lena Leerling" in learns
    assert "Bram Lid" not in learns, "who *else*: not the one asking"
    assert "Gijs Gestopt" not in page


def test_home_suggests_both_ways_with_the_reason(app, client, people):
    with app.app_context():
        member = db.session.get(User, people["member"][0])  # knows subsidies, hr
        set_tags(member, "marketing", "wishes")
        for n in range(4):
            learner = factories.user(f"Leerling {n}")
            set_tags(learner, "subsidies", "wishes")
        stopped = factories.user("Stopper", tags="marketing", active=False)
        db.session.add(stopped)
        db.session.commit()
    login_as(client, people, "member")
    card = client.get("/cards/suggestions").get_data(as_text=True)
    assert "Chris Ander can be asked about marketing; you want to learn about it." in card
    assert "wants to learn about subsidies, which you can be asked about." in card
    assert card.count("<li>") == 3, "at most three at a time"
    assert "Stopper" not in card and "Bram Lid" not in card

    login_as(client, people, "other")  # Chris knows marketing, which Bram wants to learn
    card = client.get("/cards/suggestions").get_data(as_text=True)
    assert "Bram Lid wants to learn about marketing, which you can be asked about." in card


def test_meeting_form_shows_the_most_wanted_topics(app, client, people):
    with app.app_context():
        for n in range(3):
            set_tags(
                factories.user(f"Lid {n}"), "fondsenwerving" + (", btw" if n else ""), "wishes"
            )
        db.session.commit()
    login_as(client, people, "coordinator")
    page = client.get("/meetings/new").get_data(as_text=True)
    assert "Planning a masterclass?" in page
    assert page.index("fondsenwerving") < page.index(">btw")


def test_a_profile_form_without_the_wishes_field_keeps_them(app, client, people):
    with app.app_context():
        set_tags(db.session.get(User, people["member"][0]), "data", "wishes")
        db.session.commit()
    login_as(client, people, "member")
    data = {"name": "Bram Lid", "expertise": "hr", "contact": "email", "language": "en"}
    assert client.post("/members/me", data=data).status_code == 303
    with app.app_context():
        assert [t.name for t in db.session.get(User, people["member"][0]).wishes] == ["data"]
