"""Running a search: full-text match, visibility, rank, one page of results.

Documents with every word of the query in their title come first, then the newest. A
network's library is found by name or by what is recent; scoring every match by word
counts (FTS5's ``bm25``, PostgreSQL's ``ts_rank``) cost more than the rest of the search
when a common word matched a tenth of a large library, and told short notes apart by
little more than their length. Every query passes through ``visible_to`` first. The
database keeps only the page's ten while it ranks the matches, and counts no further
than ``MAX_RESULTS``.
"""

from dataclasses import dataclass

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import and_, case, column, exists, func, literal_column, or_, select, table, text

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


def _fts5_match(expression, name):
    return text(f"search_fts MATCH :{name}").bindparams(**{name: expression})


def matching(query):
    """``(statement, rank)``: the ids of the documents that match ``query``, and a rank:
    0 when the title holds every word, else 1."""
    if db.engine.dialect.name == "sqlite":
        statement = (
            select(SearchDocument.id)
            .join(FTS, FTS.c.rowid == SearchDocument.id)
            .where(_fts5_match(query.fts5(), "match"))
        )
        in_title = SearchDocument.id.in_(
            select(FTS.c.rowid).where(_fts5_match(query.fts5("title_words"), "title"))
        )
        return statement, case((in_title, 0), else_=1)
    vector = literal_column("search_document.search_vector")

    def tsquery(weight=""):
        return func.to_tsquery(literal_column("'simple'::regconfig"), query.tsquery(weight))

    statement = select(SearchDocument.id).where(vector.op("@@")(tsquery()))
    return statement, case((vector.op("@@")(tsquery("A")), 0), else_=1)


@dataclass
class Result:
    kind: object
    document: object  # a row of SHOWN's columns
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
    found = statement.add_columns(SearchDocument.updated_at, rank.label("rank")).subquery()
    ranked = select(found).order_by(found.c.rank, found.c.updated_at.desc(), found.c.id)
    results = RankedPage(
        page=page, per_page=per_page, error_out=False, matches=statement, ranked=ranked
    )
    results.items = [_result(doc, query) for doc in results.items]
    return results, query


class RankedPage(Pagination):
    """A page of the ``ranked`` matches, with what a result shows of each document.

    Only the first ``MAX_RESULTS`` can be paged through: past that, a search asks for
    another word, and no search makes the database sort or count every match.
    """

    more = False  # more matches than MAX_RESULTS

    def _query_items(self):
        offset = self._query_offset
        if offset >= MAX_RESULTS:
            return []
        ranked = self._query_args["ranked"]
        top = ranked.limit(min(self.per_page, MAX_RESULTS - offset)).offset(offset).subquery()
        shown = (
            select(*SHOWN)
            .join(top, top.c.id == SearchDocument.id)
            .order_by(top.c.rank, top.c.updated_at.desc(), top.c.id)
        )
        return db.session.execute(shown).all()

    def _query_count(self):
        matches = self._query_args["matches"].limit(MAX_RESULTS + 1).subquery()
        found = db.session.scalar(select(func.count()).select_from(matches))
        self.more = found > MAX_RESULTS
        return min(found, MAX_RESULTS)


def _result(doc, query):
    kind = KINDS[doc.kind]
    return Result(
        kind, doc, kind.url(doc), snippet(doc.title, query, 300), snippet(doc.body, query)
    )
