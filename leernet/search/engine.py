"""Running a search: full-text match, visibility, rank, one page of results.

Documents with every word of the query in their title come first, then the newest. A
network's library is found by name or by what is recent; scoring every match by word
counts (FTS5's ``bm25``, PostgreSQL's ``ts_rank``) cost more than the rest of the search
when a common word matched a tenth of a large library, and told short notes apart by
little more than their length. Every query passes through ``visible_to`` first. The
title matches are asked for first, and no more than a page needs: the rest are read only
when the title matches run out, and the matches are counted no further than
``MAX_RESULTS``.
"""

import math
from dataclasses import dataclass

from sqlalchemy import and_, column, exists, func, literal_column, not_, or_, select, table, text

from ..extensions import db
from .models import COORDINATORS, NETWORK, RESTRICTED, SearchAudience, SearchDocument
from .registry import KINDS
from .text import parse, snippet

#: Ten results a page: each carries a snippet, and on a phone ten already fill several screens.
PER_PAGE = 10
#: How many matches can be paged through; more ask for another word.
MAX_RESULTS = 100
#: What a result shows of its document (the index's own words stay in the database).
SHOWN = (
    SearchDocument.id,
    SearchDocument.kind,
    SearchDocument.object_id,
    SearchDocument.parent_id,
    SearchDocument.title,
    SearchDocument.body,
    SearchDocument.updated_at,
)
#: SQLite's FTS5 table (made in the migration, not a model): its rowid is the document id.
FTS = table("search_fts", column("rowid"))


def visible_to(user):
    """The SQL condition for the documents ``user`` may find."""
    if user is None or not user.is_authenticated or not user.is_active:
        return SearchDocument.id.is_(None)
    may = [
        SearchDocument.audience == NETWORK,
        and_(
            SearchDocument.audience == RESTRICTED,
            exists().where(
                SearchAudience.document_id == SearchDocument.id,
                SearchAudience.user_id == user.id,
            ),
        ),
    ]
    if user.is_coordinator:
        may.append(SearchDocument.audience == COORDINATORS)
    condition = or_(*may)
    for kind in KINDS.values():
        extra = kind.visible(user) if kind.visible else None
        if extra is not None:
            condition = and_(condition, or_(SearchDocument.kind != kind.name, extra))
    return condition


def matching(query):
    """``(every match, title matches, the other matches)``: three ``SELECT id`` statements.

    A title match has every word of the query in its title.
    """
    if db.engine.dialect.name == "sqlite":
        every, title = query.fts5(), query.fts5("title_words")

        def fts5(expression):
            return (
                select(SearchDocument.id)
                .join(FTS, FTS.c.rowid == SearchDocument.id)
                .where(text("search_fts MATCH :match").bindparams(match=expression))
            )

        return fts5(every), fts5(title), fts5(f"({every}) NOT ({title})")
    vector = literal_column("search_document.search_vector")

    def matches(weight=""):
        tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), query.tsquery(weight))
        return vector.op("@@")(tsquery)

    every = select(SearchDocument.id).where(matches())
    return every, every.where(matches("A")), every.where(not_(matches("A")))


@dataclass
class Result:
    kind: object
    document: object  # a row of SHOWN's columns
    url: str
    title: str
    snippet: str

    @property
    def date(self):
        """The date the result shows beside its kind, or None (a member's profile)."""
        return self.document.updated_at if self.kind.dated else None


def search(user, text_, kind=None, page=1, per_page=PER_PAGE):
    """One page of results for ``user``, or None for an empty query."""
    query = parse(text_)
    if not query:
        return None, query

    def restrict(statement):
        statement = statement.where(visible_to(user), SearchDocument.kind.in_(list(KINDS)))
        return statement.where(SearchDocument.kind == kind) if kind else statement

    every, *parts = (restrict(statement) for statement in matching(query))
    newest = [part.order_by(SearchDocument.updated_at.desc(), SearchDocument.id) for part in parts]
    found = db.session.scalar(
        select(func.count()).select_from(every.limit(MAX_RESULTS + 1).subquery())
    )
    offset = (page - 1) * per_page
    ids = _page_ids(newest, offset, min(per_page, MAX_RESULTS - offset))
    shown = select(*SHOWN).where(SearchDocument.id.in_(ids))
    rows = {row.id: row for row in db.session.execute(shown)} if ids else {}
    items = [_result(rows[i], query) for i in ids]
    return RankedPage(page, per_page, min(found, MAX_RESULTS), found > MAX_RESULTS, items), query


def _page_ids(parts, offset, wanted):
    """The ids of one page through ``parts`` in turn (title matches, then the others),
    each asked for no more than the page needs: a page of title matches never reads the
    rest."""
    ids = []
    for part in parts:
        if len(ids) >= wanted:
            break
        found = db.session.scalars(part.limit(offset + wanted - len(ids))).all()
        ids += found[offset:]
        offset = max(0, offset - len(found))
    return ids


@dataclass(frozen=True)
class RankedPage:
    """A page of matches, as the pager shows it. Only the first ``MAX_RESULTS`` can be
    paged through (past that, a search asks for another word): ``total`` stops there,
    and ``more`` says there were more."""

    page: int
    per_page: int
    total: int
    more: bool
    items: list

    @property
    def pages(self):
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def has_prev(self):
        return self.page > 1

    @property
    def has_next(self):
        return self.page < self.pages

    @property
    def prev_num(self):
        return self.page - 1

    @property
    def next_num(self):
        return self.page + 1


def _result(doc, query):
    kind = KINDS[doc.kind]
    return Result(
        kind, doc, kind.url(doc), snippet(doc.title, query, 300), snippet(doc.body, query)
    )
