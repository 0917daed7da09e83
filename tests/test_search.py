"""One search over resources, questions, answers and members; who may find what."""

import pytest
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, text

from leernet.admin.models import Network
from leernet.extensions import db
from leernet.members.models import User
from leernet.search import (
    COORDINATORS,
    KINDS,
    NETWORK,
    RESTRICTED,
    Document,
    SearchDocument,
    engine,
    register,
)
from leernet.search.engine import PER_PAGE, search

from . import factories
from .conftest import login_as


def user(key, people):
    return db.session.get(User, people[key][0])


def results(client, q, marks=False, **params):
    response = client.get("/search", query_string={"q": q, **params})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    return page if marks else page.replace("<mark>", "").replace("</mark>", "")


def test_one_box_finds_resources_questions_answers_and_members(app, client, people):
    with app.app_context():
        member, other = user("member", people), user("other", people)
        factories.resource(member, "Handleiding projectbegroting", tags="begroten, financiën")
        factories.resource(member, "Notitie", kind="note", description="Over **cultuurfondsen**.")
        question = factories.question(other, "Wie kent het Mondriaan Fonds?")
        factories.answer(question, member, "Ja, de **Podiumkunsten**-regeling ook.")
    login_as(client, people, "other")
    assert "Handleiding projectbegroting" in results(client, "begroten")
    assert "Handleiding <mark>projectbegroting</mark>" in results(client, "projectbegr", marks=True)
    assert "<mark>cultuurfondsen</mark>" in results(client, "cultuurfonds", marks=True)
    found = results(client, "podiumkunsten", marks=True)
    assert "Wie kent het Mondriaan Fonds?" in found and "<mark>Podiumkunsten</mark>" in found
    assert "Bram Lid" in results(client, "subsidies"), "members by their expertise"
    assert "Bram Lid" not in results(client, "subsidies", kind="resource")
    assert "Nothing found" in results(client, "xyzzy")


@pytest.mark.parametrize(
    "q",
    ['"', '""', "*", "NEAR", "NEAR(a b)", "-", "- subsid", "subsid*", 'a "b', "OR AND NOT",
     "title:x", "^x", "(x", "'; DROP TABLE user; --", "%_\\", "a" * 300, "💥", ":*", "!&|"],
)  # fmt: skip
def test_fts_syntax_in_a_search_is_harmless(app, client, people, q):
    with app.app_context():
        factories.resource(user("member", people), "Subsidie NEAR Amsterdam", tags="subsidies")
    login_as(client, people, "member")
    page = results(client, q)
    if "subsid" in q.lower() or q == "NEAR":
        assert "Subsidie NEAR Amsterdam" in page


def test_title_hits_rank_above_body_hits_and_pages(app, client, people):
    with app.app_context():
        member = user("member", people)
        factories.resource(member, "Iets anders", kind="note", description="over begroten")
        factories.resource(member, "Begroten voor beginners", tags="geld")
        for n in range(25):
            factories.resource(member, f"Losse bron {n}", kind="note", description="begroten")
    login_as(client, people, "other")
    page = results(client, "begroten")
    assert page.index("Begroten voor beginners") < page.index("Losse bron")
    assert "27 results" in page and "Page 1 of 3" in page
    assert page.count('class="list-item"') == PER_PAGE == 10
    last = results(client, "begroten", page=3)
    assert "Page 3 of 3" in last and last.count('class="list-item"') == 7
    with app.app_context():
        past_the_end = search(user("other", people), "begroten", page=4)[0]
    assert past_the_end.items == [] and past_the_end.total == 27, "counted after all"


def test_past_the_most_a_search_asks_for_another_word(app, client, people, monkeypatch):
    monkeypatch.setattr(engine, "MAX_RESULTS", 12)
    with app.app_context():
        for n in range(15):
            factories.resource(user("member", people), f"Fonds {n}", kind="note", tags="")
    login_as(client, people, "other")
    first = results(client, "fonds")
    assert "More than 12 results. Here are the first 12" in first and "Page 1 of 2" in first
    last = results(client, "fonds", page=2)
    assert last.count('class="list-item"') == 2 and "Next" not in last
    assert "Fonds 0<" not in first + last, "the oldest is past the first twelve"
    assert "Fonds 14<" in first
    assert results(client, "fonds", page=3).count('class="list-item"') == 0


def test_pages_run_from_title_matches_into_the_others(app, people):
    with app.app_context():
        member = user("member", people)
        titles = [f"Fonds {n}" for n in range(7)]
        others = [f"Tip {n}" for n in range(4)]
        for title in titles:
            factories.resource(member, title, kind="note", tags="")
        for title in others:
            factories.resource(member, title, kind="note", description="een fonds", tags="")
    with app.test_request_context():
        member = user("member", people)
        pages = [
            [r.document.title for r in search(member, "fonds", page=n, per_page=5)[0].items]
            for n in (1, 2, 3, 4)
        ]
    assert pages == [titles[:1:-1], titles[1::-1] + others[:0:-1], others[:1], []]


def test_every_word_in_the_title_ranks_first_then_the_newest(app, client, people):
    with app.app_context():
        member = user("member", people)
        for title, description in [
            ("Subsidie voor theater", "oud"),
            ("Een tip", "subsidie en theater"),
            ("Theater", "subsidie"),
            ("Alleen theater", "geen geld"),
        ]:
            factories.resource(member, title, kind="note", description=description, tags="")
    login_as(client, people, "other")
    page = results(client, "subsidie theat")
    order = [page.index(title) for title in ("Subsidie voor theater", "Theater<", "Een tip")]
    assert order == sorted(order) and "Alleen theater" not in page and "3 results" in page


def test_index_follows_changes_and_deletions(app, client, people):
    with app.app_context():
        resource = factories.resource(user("member", people), "Oude titel")
        rid = resource.id
    login_as(client, people, "member")
    client.post(f"/resources/{rid}/edit", data={"title": "Nieuwe titel", "url": "https://x.nl"})
    assert "Nieuwe titel" in results(client, "nieuwe") and "Oude" not in results(client, "oude")
    client.post(f"/resources/{rid}/delete")
    assert "Nothing found" in results(client, "nieuwe")
    client.post("/members/me", data={"name": "Bram Lid", "expertise": "kunstbeleid",
                                      "contact": "email", "language": "en"})  # fmt: skip
    assert "Bram Lid" in results(client, "kunstbeleid")
    with app.app_context():
        user("member", people).active = False
        db.session.commit()
    login_as(client, people, "other")
    assert "Nothing found" in results(client, "kunstbeleid"), "deactivated: not found"


def test_failed_transaction_leaves_the_index_alone(app, people):
    with app.app_context():
        factories.resource(user("member", people), "Blijft staan")
        db.session.scalar(select(SearchDocument).where(SearchDocument.kind == "resource"))
        resource = factories.resource(user("member", people), "Teruggedraaid")
        resource.title = "Niet bewaard"
        db.session.flush()
        db.session.rollback()
        titles = set(db.session.scalars(select(SearchDocument.title)))
        assert "Teruggedraaid" in titles and "Niet bewaard" not in titles


@pytest.fixture
def secrets_kind(app):
    """A test-only kind whose documents carry each audience."""

    @register("secret", model=Network, label=_l("Secrets"), url=lambda doc: "/")
    def build(_network):
        return None

    yield
    del KINDS["secret"]


def add_secret(title, audience, users=()):
    from leernet.search.index import _fill

    doc = SearchDocument(kind="secret", object_id=abs(hash(title)) % 100000)
    _fill(doc, Document(title=title, audience=audience, users=users))
    db.session.add(doc)


VISIBILITY = [
    # (searcher, document's audience, found?)
    ("member", NETWORK, True),
    ("coordinator", NETWORK, True),
    ("member", COORDINATORS, False),
    ("coordinator", COORDINATORS, True),
    ("member", "participants", True),
    ("other", "participants", False),
    ("coordinator", "participants", False),
    ("anonymous", NETWORK, False),
]


@pytest.mark.parametrize(("searcher", "audience", "found"), VISIBILITY)
def test_visibility_table(app, client, people, secrets_kind, searcher, audience, found):
    """A non-participant never finds an intervision case, not even a coordinator."""
    with app.app_context():
        if audience == "participants":
            add_secret("Casus vertrouwelijk", RESTRICTED, users=[people["member"][0]])
        else:
            add_secret("Casus vertrouwelijk", audience)
        db.session.commit()
    if searcher == "anonymous":
        assert client.get("/search?q=casus").status_code == 302
        with app.test_request_context():
            from flask_login import AnonymousUserMixin

            page, _query = search(AnonymousUserMixin(), "casus")
            assert page.total == 0
        return
    login_as(client, people, searcher)
    assert ("Casus vertrouwelijk" in results(client, "casus")) == found


def test_a_kind_can_narrow_visibility_further(app, client, people, secrets_kind):
    KINDS["secret"] = KINDS["secret"].__class__(
        **{**KINDS["secret"].__dict__, "visible": lambda u: SearchDocument.title.contains("open")}
    )
    with app.app_context():
        add_secret("Casus open", NETWORK)
        add_secret("Casus dicht", NETWORK)
        db.session.commit()
    login_as(client, people, "member")
    page = results(client, "casus")
    assert "Casus open" in page and "Casus dicht" not in page


def test_reindex_rebuilds_from_the_data(app, runner, people):
    with app.app_context():
        factories.resource(user("member", people), "Herbouwd")
        question = factories.question(user("other", people), "Vraag")
        factories.answer(question, user("member", people), "Antwoord")
        db.session.execute(text("DELETE FROM search_document"))
        db.session.commit()
    result = runner.invoke(args=["leernet", "reindex"])
    assert result.exit_code == 0, result.output
    assert "resource: 1" in result.output and "member: 3" in result.output
    with app.test_request_context():
        assert search(user("other", people), "herbouwd")[0].total == 1
        assert search(user("other", people), "antwoord")[0].total == 1
    assert runner.invoke(args=["leernet", "reindex", "--kind", "nope"]).exit_code != 0
