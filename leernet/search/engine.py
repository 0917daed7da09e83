"""Running a search: full-text match, visibility, rank, one page of results.

SQLite ranks with FTS5's ``bm25`` and PostgreSQL with ``ts_rank``; both weigh a hit in
the title above one in the body. Every query passes through ``visible_to`` first.
"""

from dataclasses import dataclass

from sqlalchemy import and_, column, exists, func, literal_column, or_, select, table, text

from ..extensions import db
from .models import COORDINATORS, NETWORK, RESTRICTED, SearchAudience, SearchDocument
from .registry import KINDS
from .text import parse, snippet

PER_PAGE = 20
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
    """``(statement, rank)``: the documents that match ``query`` and how to order them."""
    if db.engine.dialect.name == "sqlite":
        statement = (
            select(SearchDocument)
            .join(FTS, FTS.c.rowid == SearchDocument.id)
            .where(text("search_fts MATCH :match").bindparams(match=query.fts5()))
        )
        return statement, func.bm25(literal_column("search_fts"), 8.0, 1.0).asc()
    vector = literal_column("search_document.search_vector")
    tsquery = func.to_tsquery(literal_column("'simple'::regconfig"), query.tsquery())
    statement = select(SearchDocument).where(vector.op("@@")(tsquery))
    return statement, func.ts_rank(vector, tsquery).desc()


@dataclass
class Result:
    kind: object
    document: SearchDocument
    url: str
    title: str
    snippet: str


def search(user, text_, kind=None, page=1, per_page=PER_PAGE):
    """One page of results for ``user``, or None for an empty query."""
    query = parse(text_)
    if not query:
        return None, query
    statement, rank = matching(query)
    statement = statement.where(visible_to(user), SearchDocument.kind.in_(list(KINDS)))
    if kind:
        statement = statement.where(SearchDocument.kind == kind)
    statement = statement.order_by(rank, SearchDocument.updated_at.desc(), SearchDocument.id)
    results = db.paginate(statement, page=page, per_page=per_page, error_out=False, count=True)
    results.items = [_result(doc, query) for doc in results.items]
    return results, query


def _result(doc, query):
    kind = KINDS[doc.kind]
    return Result(
        kind, doc, kind.url(doc), snippet(doc.title, query, 300), snippet(doc.body, query)
    )
