"""What autogenerate must leave alone: the hand-made full-text index.

SQLite's FTS5 table (and its shadow tables) and PostgreSQL's generated ``tsvector``
column with its GIN index have no model, so autogenerate must not try to drop them.
Used by ``migrations/env.py`` and by the migration tests.
"""


def include_object(_object, name, type_, _reflected, _compare_to):
    if type_ == "table" and name.startswith("search_fts"):
        return False
    if type_ == "column" and name == "search_vector":
        return False
    return not (type_ == "index" and name == "ix_search_document_search_vector")
