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

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
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
    results = RankedPage(page=page, per_page=per_page, error_out=False, every=every, parts=newest)
    results.items = [_result(doc, query) for doc in results.items]
    return results, query


class RankedPage(Pagination):
    """A page of matches: title matches first, then the others, each newest first.

    Each part is asked for no more than the page needs, so a page of title matches never
    reads the rest. Only the first ``MAX_RESULTS`` can be paged through (past that, a
    search asks for another word), and matches are counted no further.
    """

    more = False  # more matches than MAX_RESULTS

    def _query_items(self):
        offset, wanted = self._query_offset, min(self.per_page, MAX_RESULTS - self._query_offset)
        ids = []
        for part in self._query_args["parts"]:
            if len(ids) >= wanted:
                break
            found = db.session.scalars(part.limit(offset + wanted - len(ids))).all()
            ids += found[offset:]
            offset = max(0, offset - len(found))
        if not ids:
            return []
        rows = {
            row.id: row
            for row in db.session.execute(select(*SHOWN).where(SearchDocument.id.in_(ids)))
        }
        return [rows[i] for i in ids]

    def _query_count(self):
        matches = self._query_args["every"].limit(MAX_RESULTS + 1).subquery()
        found = db.session.scalar(select(func.count()).select_from(matches))
        self.more = found > MAX_RESULTS
        return min(found, MAX_RESULTS)


def _result(doc, query):
    kind = KINDS[doc.kind]
    return Result(
        kind, doc, kind.url(doc), snippet(doc.title, query, 300), snippet(doc.body, query)
    )
