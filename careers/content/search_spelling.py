"""Misspellings: a word that matches nothing is read as the most alike word of the content,
by PostgreSQL's pg_trgm (enabled by migration 0008)."""

from django.db import connection
from django.db.models import Model

from careers.content.search_query import SearchTerm, search_words

# How alike (pg_trgm's similarity, 0 to 1) a misspelt word and a word of the content must
# be for search to read one as the other: "architcet" and "architect" score 0.43.
SPELLING_SIMILARITY = 0.3


def _vocabulary_sql(documents: dict[type[Model], tuple]) -> str:
    """The words of the documents' own text fields as written (not stemmed), for ts_stat."""
    quote = connection.ops.quote_name
    selects = []
    for model, fields in documents.items():
        columns = [
            f"coalesce({quote(model._meta.get_field(name).column)}, '')"
            for name, _weight in fields
            if isinstance(name, str) and "__" not in name
        ]
        text = " || ' ' || ".join(columns)
        table = quote(model._meta.db_table)
        # Only the models' own table and column names: nothing a visitor typed.
        selects.append(f"SELECT to_tsvector('simple', {text}) FROM {table}")  # noqa: S608
    return " UNION ALL ".join(selects)


SPELLING_SQL = """
WITH vocabulary AS (SELECT word, nentry FROM ts_stat(%(vocabulary)s))
SELECT typed, (
    SELECT word FROM vocabulary
    WHERE similarity(word, typed) >= %(threshold)s
    ORDER BY similarity(word, typed) DESC, nentry DESC, word
    LIMIT 1
)
FROM unnest(%(typed)s::text[]) AS typed
"""


def spelling_corrected(
    terms: tuple[SearchTerm, ...], *, documents: dict[type[Model], tuple]
) -> str | None:
    """The query's words, each replaced by the most alike word of the content (pg_trgm's
    similarity) where one is alike enough; None when no word changes. One query."""
    typed = list(search_words(terms))
    if not typed:
        return None
    params = {
        "vocabulary": _vocabulary_sql(documents),
        "threshold": SPELLING_SIMILARITY,
        "typed": typed,
    }
    with connection.cursor() as cursor:
        cursor.execute(SPELLING_SQL, params)
        closest = dict(cursor.fetchall())
    corrected = [closest.get(word) or word for word in typed]
    return " ".join(corrected) if corrected != typed else None
