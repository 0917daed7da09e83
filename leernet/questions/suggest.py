"""Who could answer this? Match the words of a question against expertise tags.

Pure functions, no database: the view feeds them tag names and members' tags.
A tag matches when each of its words matches a word of the question, allowing for
Dutch plurals and compounds by prefix or a shared stem ("subsidie" ~ "subsidies",
"fonds" ~ "fondsenwerving", "subsidies" ~ "subsidieaanvraag"); very short and very
common words never match on their own.
"""

import os

from ..search.text import words

MIN_WORD = 3
MIN_PREFIX = 4
MIN_STEM = 5
#: Common Dutch and English words that say nothing about a subject.
_COMMON = (
    "aan als bij dan dat der des die dit door een en er heb heeft hebben het hoe ik in is "
    "je jij kan kun kunnen maar met mij mijn naar niet nog of om onder ons ook op over te "
    "tot uit van veel voor wat wel welke wie wil zijn zo zou and any are but can for from "
    "has have how the this that what when where which who why with you your about before"
)
STOPWORDS = frozenset(_COMMON.split())


def _related(a, b):
    """Same word, one a prefix of the other, or the same stem but for a short ending."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= MIN_PREFIX and long.startswith(short):
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= max(MIN_STEM, len(short) - 2)


def question_words(text):
    return {w for w in words(text) if len(w) >= MIN_WORD and w not in STOPWORDS}


def tag_matches(tag, qwords):
    """Does every word of ``tag`` match a word of the question?"""
    tag_words = [w for w in words(tag) if w not in STOPWORDS]
    return bool(tag_words) and all(any(_related(w, q) for q in qwords) for w in tag_words)


def matching_tags(text, tag_names):
    """The tag names that match the question ``text``."""
    qwords = question_words(text)
    return [name for name in tag_names if tag_matches(name, qwords)]


def rank_members(member_tags, matched, exclude=(), limit=5):
    """``member_tags``: ``{member_id: [tag names]}``; best matches first.

    Score = number of matched tags; ties go to the member with fewer tags in all
    (a specialist before a generalist), then by id for a stable order.
    """
    matched = set(matched)
    scored = []
    for member_id, tags in member_tags.items():
        if member_id in exclude:
            continue
        hits = sorted(set(tags) & matched)
        if hits:
            scored.append((-len(hits), len(tags), member_id, hits))
    scored.sort()
    return [(member_id, hits) for _n, _t, member_id, hits in scored[:limit]]
