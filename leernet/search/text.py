"""Words, queries and snippets: the same on SQLite FTS5 and PostgreSQL ``tsvector``.

One tokenizer turns documents and queries alike into lower-case words without accents
("Coördinatie" -> "coordinatie"). The index stores those words, so both database engines
see exactly the same tokens, and nothing a person types reaches the FTS syntax: every
query word is quoted, so ``"``, ``*``, ``NEAR``, ``-`` or ``:`` are just characters.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup, escape

WORD = re.compile(r"[^\W_]+")
#: The edges and the rest of a ``WORD``, for ``Query.ascii_hits``.
WORD_START, WORD_END, WORD_REST = r"(?<![^\W_])", r"(?![^\W_])", r"[^\W_]*"
MAX_WORD = 40
MAX_TERMS = 8
MAX_QUERY = 200
PREFIX_MIN = 3
LAST_PREFIX_MIN = 2


def _either(terms):
    return "(?:" + "|".join(map(re.escape, terms)) + ")"


def fold(text):
    """Lower case, compatibility forms and accents removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text):
    """The searchable words of ``text``, in order (overlong "words" are dropped)."""
    found = []
    for match in WORD.finditer(text or ""):
        for part in WORD.findall(fold(match.group())):
            if len(part) <= MAX_WORD:
                found.append(part)
    return found


def index_text(text, limit=20_000):
    """What the full-text index stores for ``text``: its words joined by spaces."""
    return " ".join(words((text or "")[:limit]))


@dataclass(frozen=True)
class Query:
    """The words of a search: every one must occur.

    The index does not stem (see ``leernet.search``), so words are matched as prefixes:
    "subsidie" finds "subsidies" and "subsidieaanvraag". Short words must match whole,
    or "de" would find everything; the last word (perhaps still being typed) is a
    prefix from two letters on.
    """

    terms: tuple[str, ...] = ()

    def __bool__(self):
        return bool(self.terms)

    @cached_property
    def _exact_and_prefixes(self):
        last = len(self.terms) - 1
        exact = {
            t
            for i, t in enumerate(self.terms)
            if len(t) < (LAST_PREFIX_MIN if i == last else PREFIX_MIN)
        }
        return frozenset(exact), tuple(t for t in self.terms if t not in exact)

    def prefixes(self):
        """``(term, is_prefix)`` for each term."""
        exact, _prefixes = self._exact_and_prefixes
        return [(t, t not in exact) for t in self.terms]

    def matches(self, word):
        """Does the (folded) ``word`` count as a hit, for highlighting?"""
        exact, prefixes = self._exact_and_prefixes
        return word in exact or word.startswith(prefixes)

    @cached_property
    def ascii_hits(self):
        """A pattern finding the same hits as ``matches`` in ASCII text, where folding a
        word is only lower-casing it: one scan in C instead of a test per word."""
        exact, prefixes = self._exact_and_prefixes
        choices = []
        if exact:
            choices.append(WORD_START + _either(sorted(exact)) + WORD_END)
        if prefixes:
            choices.append(WORD_START + _either(prefixes) + WORD_REST)
        return re.compile("|".join(choices) or "(?!)", re.IGNORECASE | re.ASCII)

    def fts5(self, column=None):
        """An FTS5 MATCH expression: each word quoted, so no FTS syntax gets through;
        with ``column``, every word must be in that column."""
        words = " ".join(f'"{t}"*' if p else f'"{t}"' for t, p in self.prefixes())
        return f"{{{column}}} : ({words})" if column else words

    def tsquery(self, weight=""):
        """A PostgreSQL ``to_tsquery`` expression with the same meaning; with ``weight``
        (``"A"``: the title), every word must carry that weight."""
        return " & ".join(
            f"'{t}':*{weight}" if p else f"'{t}':{weight}" if weight else f"'{t}'"
            for t, p in self.prefixes()
        )


def parse(text):
    unique = []
    for word in words((text or "")[:MAX_QUERY]):
        if word not in unique:
            unique.append(word)
    return Query(tuple(unique[:MAX_TERMS]))


def _hits(text, query):
    if text.isascii():
        return query.ascii_hits.finditer(text)
    return _word_hits(text, query)


def _word_hits(text, query):
    for match in WORD.finditer(text):
        word = match.group()
        if query.matches(word.lower() if word.isascii() else fold(word)):
            yield match


def highlight(text, query, start=0, end=None):
    """``text[start:end]`` escaped, with the query's words wrapped in ``<mark>``."""
    end = len(text) if end is None else end
    out, position = [], start
    for match in _hits(text[start:end], query):
        out.append(escape(text[position : start + match.start()]))
        out.append(Markup("<mark>%s</mark>") % match.group())
        position = start + match.end()
    out.append(escape(text[position:end]))
    return Markup("").join(out)


#: A text longer than this many snippet widths is cut around its first hit before tidying.
LONG = 4


def snippet(text, query, width=180):
    """A window of ``text`` around the first hit, escaped first, then marked.

    A long text (minutes run to thousands of words) is read only up to its first hit, and
    only the stretch around it is tidied.
    """
    text = text or ""
    cut_before = cut_after = False
    if len(text) > LONG * width:
        first = next(_hits(text, query), None)
        begin = max(0, first.start() - width) if first else 0
        cut_before, cut_after = begin > 0, begin + LONG * width < len(text)
        text = text[begin : begin + LONG * width]
    text = " ".join(text.split())
    if len(text) <= width and not (cut_before or cut_after):
        return highlight(text, query)
    first = next(_hits(text, query), None)
    start = max(0, first.start() - width // 3) if first else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first.start() else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    prefix = "… " if start or cut_before else ""
    suffix = " …" if end < len(text) or cut_after else ""
    return Markup(prefix) + highlight(text, query, start, end) + Markup(suffix)
