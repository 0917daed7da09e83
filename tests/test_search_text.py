"""The search tokenizer, query parser and snippets: pure functions, both databases alike."""

import sqlite3
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from leernet.search.text import Query, _word_hits, highlight, index_text, parse, snippet, words


def test_words_are_folded_and_split():
    assert words("Coördinatie, SUBSIDIE-aanvraag! e-mail_adres ｆｕｌｌ") == [
        "coordinatie",
        "subsidie",
        "aanvraag",
        "e",
        "mail",
        "adres",
        "full",
    ]
    assert index_text("Fonds & Cultuur") == "fonds cultuur"
    assert words("x" * 41) == []


def test_fts_syntax_is_neutralised():
    query = parse('"subsidie* NEAR(fonds) -aanvraag OR title:x')
    assert query.terms == ("subsidie", "near", "fonds", "aanvraag", "or", "title", "x")
    assert query.fts5() == '"subsidie"* "near"* "fonds"* "aanvraag"* "or" "title"* "x"'
    assert query.tsquery() == (
        "'subsidie':* & 'near':* & 'fonds':* & 'aanvraag':* & 'or' & 'title':* & 'x'"
    )
    assert not parse('"" * - :')
    assert len(parse(" ".join(f"w{n}" for n in range(30))).terms) == 8


def test_prefix_rules():
    query = parse("de subsid")
    assert query.matches("subsidies") and query.matches("de")
    assert not query.matches("deze"), "a short word other than the last must match whole"
    assert parse("de").matches("deze"), "the last word is still being typed"
    assert not parse("b").matches("bron"), "but one letter is not a prefix yet"


def test_snippets_escape_first_then_mark():
    query = parse("script fonds")
    marked = str(highlight('<script>alert("fonds")</script>', query))
    assert marked == (
        "&lt;<mark>script</mark>&gt;alert(&#34;<mark>fonds</mark>&#34;)&lt;/<mark>script</mark>&gt;"
    )
    long = "Lange inleiding zonder treffers. " * 20 + "Het Fonds Podiumkunsten helpt. " + "x " * 200
    cut = str(snippet(long, parse("podiumkunsten")))
    assert cut.startswith("… ") and cut.endswith(" …")
    assert "<mark>Podiumkunsten</mark>" in cut and len(cut) < 260
    assert str(snippet("Geen treffer hier", parse("fonds"))) == "Geen treffer hier"


def test_a_long_text_is_cut_around_its_first_hit():
    minutes = "Notulen  van\n de  bijeenkomst. " * 500
    far = str(snippet(minutes + "De subsidie is binnen. " + minutes, parse("subsidie")))
    assert far.startswith("… ") and far.endswith(" …") and "<mark>subsidie</mark>" in far
    assert "  " not in far and "\n" not in far and len(far) < 260
    early = str(snippet("Subsidie eerst. " + minutes, parse("subsidie")))
    assert early.startswith("<mark>Subsidie</mark> eerst.") and early.endswith(" …")
    none = str(snippet(minutes, parse("fonds")))
    assert none.startswith("Notulen van de bijeenkomst.") and none.endswith(" …")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_makes_a_valid_fts5_query(text):
    """Whatever is typed, SQLite accepts the MATCH expression (PostgreSQL: see test_search)."""
    query = parse(text)
    assert isinstance(query, Query)
    if not query:
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(a)")
    db.execute("INSERT INTO t VALUES (?)", (index_text(text),))
    found = db.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query.fts5(),)).fetchone()
    assert found == (1,), "a text always finds itself"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=string.ascii_letters + string.digits + " _-'.,", max_size=80),
    st.lists(st.sampled_from(["de", "sub", "subsidie", "Fonds", "a1", "x_y", "ab"]), max_size=3),
)
def test_ascii_text_finds_the_same_hits_in_one_scan(text, terms):
    query = parse(" ".join(terms))
    spans = [m.span() for m in query.ascii_hits.finditer(text)]
    assert spans == [m.span() for m in _word_hits(text, query)]
