"""A readable difference between two texts, line by line with the changed words marked.

Pure functions over ``difflib``: the template escapes every piece, so a text full of
HTML shows as text. Long unchanged stretches fold to a few lines of context.
"""

import difflib
import re
from dataclasses import dataclass, field

SAME, ADDED, REMOVED, GAP = "same", "added", "removed", "gap"
CONTEXT = 2
#: Above this many lines, or words in a line, changed words are not marked (quadratic).
WORD_LIMIT = 400
WORDS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass
class Line:
    kind: str
    #: ``(changed, text)`` pieces; ``changed`` marks the words that differ.
    pieces: list = field(default_factory=list)
    #: Lines folded away (for a GAP).
    skipped: int = 0

    @property
    def text(self):
        return "".join(text for _changed, text in self.pieces)


@dataclass
class Diff:
    lines: list
    added: int
    removed: int

    @property
    def changed(self):
        return bool(self.added or self.removed)


def _plain(kind, text):
    return Line(kind, [(False, text)])


def _words(old, new):
    """Mark the words that differ between a removed and an added line."""
    a, b = WORDS.findall(old), WORDS.findall(new)
    if len(a) + len(b) > WORD_LIMIT:
        return Line(REMOVED, [(True, old)]), Line(ADDED, [(True, new)])
    before, after = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            before.append((False, "".join(a[i1:i2])))
            after.append((False, "".join(b[j1:j2])))
        else:
            if i2 > i1:
                before.append((True, "".join(a[i1:i2])))
            if j2 > j1:
                after.append((True, "".join(b[j1:j2])))
    return Line(REMOVED, before), Line(ADDED, after)


def _fold(lines, context):
    """Keep ``context`` unchanged lines around each change; fold the rest into gaps."""
    keep = [False] * len(lines)
    for index, line in enumerate(lines):
        if line.kind != SAME:
            for near in range(max(0, index - context), min(len(lines), index + context + 1)):
                keep[near] = True
    out, skipped = [], 0
    for line, kept in zip(lines, keep, strict=True):
        if kept:
            if skipped:
                out.append(Line(GAP, skipped=skipped))
                skipped = 0
            out.append(line)
        else:
            skipped += 1
    if skipped:
        out.append(Line(GAP, skipped=skipped))
    return out


def diff(old, new, context=CONTEXT):
    """The difference from ``old`` to ``new`` (``context=None``: every line)."""
    a = (old or "").splitlines()
    b = (new or "").splitlines()
    lines, added, removed = [], 0, 0
    matcher = difflib.SequenceMatcher(None, a, b)
    fine = len(a) + len(b) <= WORD_LIMIT
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            lines += [_plain(SAME, line) for line in a[i1:i2]]
            continue
        removed += i2 - i1
        added += j2 - j1
        if op == "replace" and fine:
            pairs = [_words(x, y) for x, y in zip(a[i1:i2], b[j1:j2], strict=False)]
            paired = len(pairs)
            lines += [pair[0] for pair in pairs]
            lines += [_plain(REMOVED, line) for line in a[i1 + paired : i2]]
            lines += [pair[1] for pair in pairs]
            lines += [_plain(ADDED, line) for line in b[j1 + paired : j2]]
            continue
        lines += [_plain(REMOVED, line) for line in a[i1:i2]]
        lines += [_plain(ADDED, line) for line in b[j1:j2]]
    if context is not None:
        lines = _fold(lines, context)
    return Diff(lines, added, removed)


def counts(old, new):
    """``(added, removed)`` lines from ``old`` to ``new``, for the history list."""
    a, b = (old or "").splitlines(), (new or "").splitlines()
    added = removed = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if op != "equal":
            removed += i2 - i1
            added += j2 - j1
    return added, removed
