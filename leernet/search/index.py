"""Keeping the index in step with the data, from the application.

Every flush notes which registered objects were added, changed or deleted; just before
the session commits, their documents are rebuilt in the same transaction. A feature
therefore never forgets to re-index, and the index commits or rolls back with the data.
Bulk SQL (``update()``/``delete()`` statements) bypasses the ORM: call ``refresh``.
On SQLite, triggers copy ``search_document`` into the FTS5 table; on PostgreSQL the
``tsvector`` column is generated. ``flask --app app leernet reindex`` rebuilds it all.
"""

from itertools import chain

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from ..extensions import db
from ..timeutil import utcnow
from .models import RESTRICTED, SearchAudience, SearchDocument
from .registry import KINDS, watchers_for
from .text import index_text

PENDING = "leernet.search.pending"
BATCH = 500


def _note_changes(session, _context):
    pending = session.info.setdefault(PENDING, set())
    for instance in chain(session.new, session.deleted, session.dirty):
        watchers = list(watchers_for(instance))
        if not watchers:
            continue
        if instance in session.dirty and not session.is_modified(instance):
            continue
        for kind, ids in watchers:
            pending.update((kind, object_id) for object_id in ids(instance) if object_id)


def _apply_pending(session):
    if session.new or session.dirty or session.deleted:
        session.flush()  # the commit would flush next: note those changes now
    while pending := session.info.pop(PENDING, None):
        by_kind = {}
        for kind, object_id in pending:
            by_kind.setdefault(kind, set()).add(object_id)
        for kind, ids in by_kind.items():
            _refresh(session, KINDS[kind], ids)
        session.flush()


def _forget_pending(session, *_args):
    session.info.pop(PENDING, None)


event.listen(Session, "after_flush", _note_changes)
event.listen(Session, "before_commit", _apply_pending)
event.listen(Session, "after_rollback", _forget_pending)
event.listen(Session, "after_soft_rollback", _forget_pending)


def _refresh(session, kind, ids, objects=None):
    ids = sorted(ids)
    if objects is None:
        query = select(kind.model).where(kind.model.id.in_(ids))
        if kind.options:
            query = kind.options(query)
        objects = {obj.id: obj for obj in session.scalars(query)}
    existing = {
        doc.object_id: doc
        for doc in session.scalars(
            select(SearchDocument).where(
                SearchDocument.kind == kind.name, SearchDocument.object_id.in_(ids)
            )
        )
    }
    for object_id in ids:
        obj = objects.get(object_id)
        built = kind.build(obj) if obj is not None else None
        doc = existing.get(object_id)
        if built is None:
            if doc is not None:
                session.delete(doc)
            continue
        if doc is None:
            doc = SearchDocument(kind=kind.name, object_id=object_id)
            session.add(doc)
        _fill(doc, built)


def _fill(doc, built):
    title = " ".join(built.title.split())[:300]
    body = (built.body or "")[:20_000]
    doc.title, doc.body = title, body
    doc.title_words, doc.body_words = index_text(title), index_text(body)
    doc.parent_id = built.parent_id
    doc.audience = built.audience
    doc.updated_at = built.updated_at or utcnow()
    wanted = set(built.users) if built.audience == RESTRICTED else set()
    have = {reader.user_id for reader in doc.readers}
    if wanted != have:
        doc.readers = [r for r in doc.readers if r.user_id in wanted]
        doc.readers += [SearchAudience(user_id=u) for u in sorted(wanted - have)]


def refresh(kind, ids):
    """Re-index these objects of ``kind`` now (after bulk SQL); the caller commits."""
    _refresh(db.session, KINDS[kind], set(ids))


def reindex(kinds=None):
    """Rebuild the documents of ``kinds`` (default: all) from the data; commits in batches."""
    counts = {}
    for name in kinds or sorted(KINDS):
        kind = KINDS[name]
        db.session.execute(SearchDocument.__table__.delete().where(SearchDocument.kind == name))
        db.session.commit()
        query = select(kind.model).order_by(kind.model.id).limit(BATCH)
        if kind.options:
            query = kind.options(query)
        counts[name], last = 0, 0
        while chunk := db.session.scalars(query.where(kind.model.id > last)).all():
            objects = {obj.id: obj for obj in chunk}
            _refresh(db.session, kind, set(objects), objects)
            counts[name] += len(objects)
            last = chunk[-1].id
            db.session.commit()  # in batches (by id, as a cursor would not outlive it)
            db.session.expunge_all()
    if db.engine.dialect.name == "sqlite":
        db.session.execute(text("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"))
        db.session.commit()
    return counts
