"""Good-practice full-text search on PostgreSQL: one stored text vector per language (ADR 0039).

`search_fi`, `search_sv` and `search_en` hold a practice's text in that language: the original
when it is written in it, and the translation into it otherwise (title weighted A, summary and
description B), each stemmed with its own language's configuration. A database trigger fills
them on every insert and update, so `save()`, `bulk_create()`, `update()` and the admin all
keep them current; GIN indexes make a query a lookup instead of a scan. A query is parsed once
per language and matches a practice when any of its languages matches.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F, Q

# language code: (vector column, PostgreSQL text-search configuration)
VECTORS = {
    "fi": ("search_fi", "finnish"),
    "sv": ("search_sv", "swedish"),
    "en": ("search_en", "english"),
}
TABLE = "reporting_goodpractice"
FUNCTION = "reporting_goodpractice_search_vectors"
TRIGGER = "reporting_goodpractice_search_vectors"
# The columns whose change changes a vector.
SOURCES = [
    "language",
    "title",
    "summary",
    "description",
    *(f"{field}_{code}" for code in VECTORS for field in ("title", "summary")),
]


def _vector_sql(code, column, config):
    original = f"NEW.language = '{code}'"
    title = f"CASE WHEN {original} THEN NEW.title ELSE NEW.title_{code} END"
    body = (
        f"CASE WHEN {original} THEN NEW.summary || ' ' || NEW.description "
        f"ELSE NEW.summary_{code} END"
    )
    return (
        f"NEW.{column} := setweight(to_tsvector('{config}', coalesce({title}, '')), 'A') || "
        f"setweight(to_tsvector('{config}', coalesce({body}, '')), 'B');"
    )


def create_sql():
    """The trigger function, the trigger, and one GIN index per vector."""
    assignments = "\n  ".join(
        _vector_sql(code, column, config) for code, (column, config) in VECTORS.items()
    )
    indexes = [
        f"CREATE INDEX practice_{column} ON {TABLE} USING gin ({column});"
        for column, _config in VECTORS.values()
    ]
    return [
        f"CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger AS $$\nBEGIN\n  "
        f"{assignments}\n  RETURN NEW;\nEND\n$$ LANGUAGE plpgsql;",
        f"CREATE TRIGGER {TRIGGER} BEFORE INSERT OR UPDATE OF {', '.join(SOURCES)} "
        f"ON {TABLE} FOR EACH ROW EXECUTE FUNCTION {FUNCTION}();",
        *indexes,
        # Fill the vectors of the rows already there.
        f"UPDATE {TABLE} SET language = language;",
    ]


def drop_sql():
    return [
        f"DROP TRIGGER IF EXISTS {TRIGGER} ON {TABLE};",
        f"DROP FUNCTION IF EXISTS {FUNCTION}();",
        *(f"DROP INDEX IF EXISTS practice_{column};" for column, _config in VECTORS.values()),
    ]


def matching(practices, text):
    """The practices whose text in any language matches `text` (web-search syntax: words,
    "a phrase", -not, or), best first."""
    queries = {
        column: SearchQuery(text, config=config, search_type="websearch")
        for column, config in VECTORS.values()
    }
    matches = Q()
    rank = None
    for column, query in queries.items():
        matches |= Q(**{column: query})
        column_rank = SearchRank(F(column), query)
        rank = column_rank if rank is None else rank + column_rank
    return practices.filter(matches).annotate(rank=rank).order_by("-rank", "-published_at", "-pk")
