"""Counts read right in both languages: real plurals through ``ngettext``, never faked.

Three ways a count goes wrong, each caught in the catalogues (so in every string the
interface can show, whichever file it comes from) and in the sources:

- a faked plural: "group(s)", "groep(en)";
- a count rendered with a fixed plural: ``_("%(num)d meetings")`` shows "1 meetings";
- a plural entry whose singular form still speaks of many: "1 komen".
"""

import re
import tokenize
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ["nl", "en"]

#: "group(s)", "groep(en)", "member(s)", "lid/leden" is fine: it is no count.
FAKED = re.compile(r"[A-Za-z]\((?:s|es|en|n|e|'s)\)")
#: A number placeholder followed by a word: "%(num)d meetings", "%(days)d dagen".
COUNTED = re.compile(r"(\w*)\s*%\((\w+)\)d\s+([a-z][\w-]*)")
#: Words before a number that names rather than counts: "Phase 3 needs a name".
NAMED = {
    "phase",
    "fase",
    "revision",
    "version",
    "versie",
    "number",
    "nummer",
    "group",
    "groep",
    "date",
    "datum",
    "page",
    "pagina",
    "invitation",
    "uitnodiging",
    "round",
    "ronde",
}
#: Words after a number that do not count it ("%(kept)d of %(made)d", "%(num)d min").
NOT_COUNTED = {"of", "van", "and", "en", "or", "tussen", "between", "min"}
#: Words that speak of many, in a singular form (checked next to its count).
MANY = {
    "en": {"are", "have", "were", "people", "members", "meetings", "them"},
    "nl": {"zijn", "hebben", "komen", "deden", "waren", "mensen", "leden", "personen"},
}


def catalogue(language):
    path = ROOT / "leernet" / "translations" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        return read_po(handle)


def entries(language):
    """``(msgid, forms)`` of every live entry: forms is a tuple, one per plural form."""
    for message in catalogue(language):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        yield message, forms


def fixed_counts(text):
    """The placeholders in ``text`` that count something with an unchanging noun."""
    return [
        f"%({name})d {word}"
        for before, name, word in COUNTED.findall(text)
        if word not in NOT_COUNTED and before.lower() not in NAMED
    ]


def near_count(text, width=3):
    """The words within ``width`` of the ``%(num)d`` that ngettext chooses the form by."""
    words = re.findall(r"%\(\w+\)d|[\w-]+", text.lower())
    around = set()
    for at, word in enumerate(words):
        if word == "%(num)d":
            around.update(words[max(0, at - width) : at + width + 1])
    return around


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_faked_plurals_in_the_catalogue(language):
    faked = [
        text
        for message, forms in entries(language)
        for text in (*((message.id,) if isinstance(message.id, str) else message.id), *forms)
        if FAKED.search(text)
    ]
    assert faked == [], f"{language}: use ngettext, not a faked plural:\n" + "\n".join(faked)


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_are_never_rendered_with_a_fixed_plural(language):
    fixed = [
        f"{message.id!r}: {found}"
        for message, forms in entries(language)
        if not message.pluralizable
        for text in (message.id, *forms)
        for found in fixed_counts(text)
    ]
    assert fixed == [], f"{language}: a count needs ngettext:\n" + "\n".join(fixed)


@pytest.mark.parametrize("language", LANGUAGES)
def test_singular_forms_speak_of_one(language):
    wrong = [
        f"{forms[0]!r}: {sorted(near_count(forms[0]) & MANY[language])}"
        for message, forms in entries(language)
        if message.pluralizable and near_count(forms[0]) & MANY[language]
    ]
    assert wrong == [], f"{language}: the singular form of a count:\n" + "\n".join(wrong)


def strings(path):
    """The string literals of a Python file, docstrings included (they are read too)."""
    with path.open("rb") as handle:
        for token in tokenize.tokenize(handle.readline):
            if token.type == tokenize.STRING:
                yield token.start[0], token.string


def test_no_faked_plurals_in_the_sources():
    """Messages outside the catalogues (the command line's) count properly too."""
    faked = [
        f"{path.relative_to(ROOT)}:{line}: {text}"
        for path in sorted((ROOT / "leernet").rglob("*.py"))
        for line, text in strings(path)
        if FAKED.search(text.replace("http(s)", "https"))
    ]
    assert faked == [], "use ngettext, or say it as 'label: count':\n" + "\n".join(faked)


def test_the_checks_catch_what_they_are_for():
    assert FAKED.search("%(num)d group(s) ready") and FAKED.search("%(num)d groep(en) klaar")
    assert not FAKED.search("Quorum: %(needed)d members (%(quorum)d%%)")
    assert fixed_counts("Er zijn %(num)d bijeenkomsten gepland.") == ["%(num)d bijeenkomsten"]
    assert fixed_counts("%(kept)d of %(made)d, %(num)d min, %(mb)d MB, %(pct)d%%") == []
    assert fixed_counts("Phase %(number)d needs a name; restore revision %(old)d now") == []
    assert near_count("%(num)d komen") & MANY["nl"]
    assert not near_count("%(num)d lid is aanwezig.") & MANY["nl"]
