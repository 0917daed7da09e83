"""Who can help whom: learning wishes matched against what others can be asked about.

Pure functions, no database: the caller hands in ``knows`` and ``wants``, each
``{member id: set of tag names}``, and the ids of the members who may be suggested.
The relation is computed both ways from one rule, so "Sanne can help Daan with X" and
"Daan wants to learn X, which Sanne knows" are the same fact seen from either side.
A wish matches a tag when they are the same words, or related ones ("subsidie" and
"subsidies"), by the same rule that suggests who could answer a question.
"""

from dataclasses import dataclass

from ..questions.suggest import question_words, tag_matches

LIMIT = 3


def related(wish, known):
    return wish == known or tag_matches(wish, question_words(known))


@dataclass(frozen=True)
class Suggestion:
    member_id: int
    #: What they can be asked about that I want to learn.
    helps_me: tuple = ()
    #: What they want to learn that I can be asked about.
    learns_from_me: tuple = ()

    @property
    def score(self):
        return len(self.helps_me) + len(self.learns_from_me)


def teaches(teacher_knows, learner_wants, match=related):
    """The tags of the teacher that answer one of the learner's wishes, sorted."""
    return tuple(sorted(k for k in teacher_knows if any(match(w, k) for w in learner_wants)))


def relation(me, other, knows, wants, match=related):
    """How ``other`` and ``me`` could help each other (empty tuples: not at all)."""
    return Suggestion(
        other,
        helps_me=teaches(knows.get(other, ()), wants.get(me, ()), match),
        learns_from_me=teaches(knows.get(me, ()), wants.get(other, ()), match),
    )


def suggest(me, knows, wants, eligible, limit=LIMIT, match=related):
    """At most ``limit`` members for ``me``: never ``me``, only ``eligible`` ones, those
    who help me first, then by how much there is to share, then by id (stable)."""
    found = []
    for other in eligible:
        if other == me:
            continue
        item = relation(me, other, knows, wants, match)
        if item.score:
            found.append(item)
    found.sort(key=lambda s: (-len(s.helps_me), -s.score, s.member_id))
    return found if limit is None else found[:limit]
