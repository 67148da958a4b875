"""Search across roles, responsibilities, skills, tools and FAQs (PostgreSQL full text).

Each searchable row stores its weighted document in `search_vector` (GIN-indexed), kept
current when the row, or a row whose name it carries (a skill's area, a tool's
category), is saved. A search is one UNION query over the stored vectors, so its cost
does not grow with the amount of text.
"""

import logging
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import DatabaseError, connection, transaction
from django.db.models import Case, CharField, F, Model, OuterRef, QuerySet, Subquery, Value, When
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from careers.content.models import (
    FAQ,
    DecisionFactor,
    KeyPoint,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SkillArea,
    Tool,
    ToolCategory,
)
from careers.content.search_pages import SEARCHABLE_PAGES
from careers.content.search_query import SearchTerm, search_terms
from careers.content.search_spelling import spelling_corrected

logger = logging.getLogger("rolefit")

SEARCH_CONFIG = "english"
SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULT_LIMIT = 40
# Private-use characters mark the matches inside ts_headline's output, which is then
# escaped as a whole before the markers become <mark> tags: content and query stay inert.
MATCH_START, MATCH_END = "\ue000", "\ue001"
MATCHED = re.compile(f"{MATCH_START}([^{MATCH_START}{MATCH_END}]*){MATCH_END}")
# A salary range's own fields never say "salary": its document carries its subject.
SALARY_SUBJECT = Value("salary pay", output_field=CharField())

# What each searchable model's document holds, with its weight: a match in a name or a
# question counts more than one in a description.
SEARCH_DOCUMENTS: dict[type[Model], tuple[tuple[str | Value, str], ...]] = {
    Role: (
        ("name", "A"),
        ("tagline", "B"),
        ("summary", "B"),
        ("career_path", "C"),
        ("work_environment", "C"),
    ),
    Responsibility: (("text", "B"),),
    RoleSkill: (("area__name", "A"), ("description", "B"), ("area__description", "C")),
    Tool: (("name", "A"), ("description", "B"), ("category__name", "C")),
    FAQ: (("question", "A"), ("answer", "B")),
    SalaryRange: ((SALARY_SUBJECT, "A"), ("label", "B"), ("note", "C"), ("region", "C")),
    DecisionFactor: (
        ("name", "A"),
        ("description", "B"),
        ("pair_programmer_pole", "B"),
        ("architect_pole", "B"),
    ),
    KeyPoint: (("title", "A"), ("text", "B")),
}
# Rows whose names other documents carry: saving one refreshes those documents.
CARRIED_BY: dict[type[Model], tuple[type[Model], str]] = {
    SkillArea: (RoleSkill, "area"),
    ToolCategory: (Tool, "category"),
}


@dataclass(frozen=True)
class SearchHit:
    kind: str
    context: str
    title: SafeString
    snippet: SafeString
    url: str
    rank: float


def search_vector(model: type[Model]) -> SearchVector:
    """The weighted document of `model`'s rows, as `search_vector` stores it."""
    parts = [
        SearchVector(field, weight=weight, config=SEARCH_CONFIG)
        for field, weight in SEARCH_DOCUMENTS[model]
    ]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined + part
    return combined


def search_vectors_refresh(queryset: QuerySet) -> None:
    """Recomputes the stored search documents of `queryset`'s rows, in one UPDATE.

    A subquery computes each document, since an UPDATE cannot join the related rows
    (a skill's area, a tool's category) whose names it holds.
    """
    model = queryset.model
    document = (
        model.objects.filter(pk=OuterRef("pk"))
        .annotate(document=search_vector(model))
        .values("document")[:1]
    )
    queryset.update(search_vector=Subquery(document))


def search_vectors_refresh_for(instance: Model) -> None:
    """Keeps the documents that hold `instance`'s text current after it was saved."""
    model = type(instance)
    if model in SEARCH_DOCUMENTS:
        search_vectors_refresh(model.objects.filter(pk=instance.pk))
    if model in CARRIED_BY:
        carrier, field = CARRIED_BY[model]
        search_vectors_refresh(carrier.objects.filter(**{field: instance}))


def normalize_search_query(raw: str | None) -> str:
    """The visitor's query, whitespace collapsed and cut to a bounded length."""
    printable = "".join(char for char in raw or "" if char.isprintable() or char.isspace())
    return " ".join(printable.split())[:SEARCH_QUERY_MAX_LENGTH]


def highlight(headline: str) -> SafeString:
    """ts_headline output made safe: escaped, then the match markers turned into <mark>."""
    escaped = MATCHED.sub(r"<mark>\1</mark>", escape(headline))
    return mark_safe(escaped.replace(MATCH_START, "").replace(MATCH_END, ""))  # noqa: S308


# Where a key point's hit leads: the first page, in this order, that shows it.
KEY_POINT_PAGE = Case(
    When(on_home=True, then=Value("/")),
    When(on_salaries=True, then=Value("/salaries/")),
    When(on_tools=True, then=Value("/tools/")),
    default=Value("/compare/"),
    output_field=CharField(),
)


@dataclass(frozen=True)
class SearchKind:
    """How one model's rows appear among the hits: label, title, snippet, link, context."""

    label: str
    title: str
    body: str | None
    url_fields: dict[str, str | Case]  # argument of the model's url_for -> field
    context: str | None = None


SEARCH_KINDS: dict[type[Model], SearchKind] = {
    Role: SearchKind("Role", "name", "summary", {"slug": "slug"}),
    Responsibility: SearchKind(
        "Responsibility", "text", None, {"role_slug": "role__slug"}, "role__name"
    ),
    RoleSkill: SearchKind(
        "Skill",
        "area__name",
        "description",
        {"role_slug": "role__slug", "area_slug": "area__slug"},
        "role__name",
    ),
    Tool: SearchKind(
        "Tool",
        "name",
        "description",
        {"slug": "slug", "category_slug": "category__slug"},
        "category__name",
    ),
    FAQ: SearchKind("FAQ", "question", "answer", {"slug": "slug"}),
    SalaryRange: SearchKind("Salary", "label", "note", {"role_slug": "role__slug"}, "role__name"),
    DecisionFactor: SearchKind("Decision factor", "name", "description", {"slug": "slug"}),
    KeyPoint: SearchKind(
        "The article's advice", "title", "text", {"slug": "slug", "page": KEY_POINT_PAGE}
    ),
}
# A whole page about what the visitor typed (a role's, the Salaries page) beats a passage
# that mentions it as often.
KIND_BOOST = {"Role": 2.0, "Page": 2.0}
KIND_NAMES = {model: model._meta.model_name for model in SEARCH_KINDS}
MODEL_OF_KIND = {name: model for model, name in KIND_NAMES.items()}
URL_ARGUMENTS = ("slug", "role_slug", "area_slug", "category_slug", "page")


def _text(value: str | None):
    return Value(value or "", output_field=CharField())


def _column(field: str | Case):
    return F(field) if isinstance(field, str) else field


def _headline(field, query: SearchQuery, **options) -> SearchHeadline:
    return SearchHeadline(
        field, query, config=SEARCH_CONFIG, start_sel=MATCH_START, stop_sel=MATCH_END, **options
    )


def _snippet(field, query: SearchQuery) -> SearchHeadline:
    return _headline(
        field, query, max_words=30, min_words=12, max_fragments=2, fragment_delimiter=" … "
    )


def _matches(model: type[Model], query: SearchQuery) -> QuerySet:
    """`model`'s matching rows in the shape every part of the UNION shares."""
    kind = SEARCH_KINDS[model]
    url_values = {
        f"hit_{argument}": _column(kind.url_fields[argument])
        if argument in kind.url_fields
        else _text(None)
        for argument in URL_ARGUMENTS
    }
    return (
        model.objects.filter(search_vector=query)
        .values(
            hit_kind=_text(KIND_NAMES[model]),
            hit_context=F(kind.context) if kind.context else _text(None),
            hit_title=_headline(kind.title, query, highlight_all=True),
            hit_snippet=_text(None) if kind.body is None else _snippet(kind.body, query),
            hit_rank=SearchRank(F("search_vector"), query),
            **url_values,
        )
        .order_by()
    )


def text_query(terms: tuple[SearchTerm, ...]) -> SearchQuery:
    """The terms as one PostgreSQL text query: every term to look for, none excluded.

    Each term's text goes to plainto_tsquery or phraseto_tsquery, which accept any text,
    so no query a visitor types can fail to parse.
    """
    query = None
    for term in terms:
        part = SearchQuery(
            term.text, search_type="phrase" if term.phrase else "plain", config=SEARCH_CONFIG
        )
        if term.excluded:
            part = ~part
        query = part if query is None else query & part
    return query


@dataclass(frozen=True)
class SearchResults:
    """What a search found, and the words it read the query as when it corrected one."""

    hits: tuple[SearchHit, ...]
    corrected_query: str | None = None


def search(*, query: str) -> SearchResults:
    """Pages, roles, responsibilities, skills, tools, salaries, decision factors, key
    points and FAQs matching `query`, best first; a misspelt word is read as the closest
    word of the content when nothing matches as typed."""
    query = normalize_search_query(query)
    if not search_terms(query):
        return SearchResults(hits=())
    try:
        with transaction.atomic():
            return _search_terms(search_terms(query))
    except DatabaseError as error:
        # The query parser should leave nothing PostgreSQL refuses; should it ever, the
        # visitor gets the no-results page and the log one line, not a traceback.
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        logger.warning("search failed for %r: %s", query[:80], first_line)
        return SearchResults(hits=())


def _search_terms(terms: tuple[SearchTerm, ...]) -> SearchResults:
    hits = search_hits(terms)
    if hits:
        return SearchResults(hits=hits)
    corrected = spelling_corrected(terms, documents=SEARCH_DOCUMENTS)
    if corrected is None:
        return SearchResults(hits=())
    return SearchResults(hits=search_hits(search_terms(corrected)), corrected_query=corrected)


def search_hits(terms: tuple[SearchTerm, ...]) -> tuple[SearchHit, ...]:
    """The pages and rows matching `terms`, best first, at most SEARCH_RESULT_LIMIT.

    Two queries: one UNION over the rows' stored documents, one over the site's pages.
    """
    parsed = text_query(terms)
    first, *others = [_matches(model, parsed) for model in SEARCH_KINDS]
    rows = first.union(*others, all=True).order_by("-hit_rank", "hit_kind", "hit_title")
    hits = [_search_hit(row) for row in rows[:SEARCH_RESULT_LIMIT]]
    hits += page_hits(parsed)
    hits.sort(key=lambda hit: -hit.rank)
    return tuple(hits[:SEARCH_RESULT_LIMIT])


def _search_hit(row: dict) -> SearchHit:
    model = MODEL_OF_KIND[row["hit_kind"]]
    kind = SEARCH_KINDS[model]
    url_arguments = {argument: row[f"hit_{argument}"] for argument in kind.url_fields}
    return SearchHit(
        kind=kind.label,
        context=row["hit_context"],
        title=highlight(row["hit_title"]),
        snippet=highlight(row["hit_snippet"]),
        url=model.url_for(**url_arguments),
        rank=row["hit_rank"] * KIND_BOOST.get(kind.label, 1),
    )


def _compiled(query: SearchQuery) -> tuple[str, list]:
    compiler = Role.objects.none().query.get_compiler(connection=connection)
    sql, params = query.resolve_expression(compiler.query).as_sql(compiler, connection)
    return sql, list(params)


HEADLINE_OPTIONS = f"StartSel={MATCH_START}, StopSel={MATCH_END}"
PAGES_SQL = """
WITH pages AS (
    SELECT number, title, summary,
        setweight(to_tsvector(%(config)s, title), 'A')
        || setweight(to_tsvector(%(config)s, subjects), 'A')
        || setweight(to_tsvector(%(config)s, summary), 'C') AS document
    FROM unnest(%(titles)s::text[], %(summaries)s::text[], %(subjects)s::text[])
        WITH ORDINALITY AS page(title, summary, subjects, number)
)
SELECT number,
    ts_headline(%(config)s, title, query, %(highlight_all)s),
    ts_headline(%(config)s, summary, query, %(highlight_all)s),
    ts_rank(document, query)
FROM pages, ({query}) AS visitor(query)
WHERE document @@ query
"""


def page_hits(query: SearchQuery) -> list[SearchHit]:
    """The site's pages (SEARCHABLE_PAGES) whose title, subject words or summary match."""
    query_sql, query_params = _compiled(query)
    # The query's own SQL takes positional parameters: turn them into named ones.
    named = {f"q{index}": value for index, value in enumerate(query_params)}
    query_sql = query_sql % tuple(f"%({name})s" for name in named)
    params = {
        "config": SEARCH_CONFIG,
        "titles": [page.title for page in SEARCHABLE_PAGES],
        "summaries": [page.summary for page in SEARCHABLE_PAGES],
        "subjects": [page.subjects for page in SEARCHABLE_PAGES],
        "highlight_all": HEADLINE_OPTIONS + ", HighlightAll=true",
        **named,
    }
    with connection.cursor() as cursor:
        cursor.execute(PAGES_SQL.format(query=f"SELECT {query_sql}"), params)
        rows = cursor.fetchall()
    return [
        SearchHit(
            kind="Page",
            context="",
            title=highlight(title),
            snippet=highlight(summary),
            url=SEARCHABLE_PAGES[number - 1].path,
            rank=rank * KIND_BOOST["Page"],
        )
        for number, title, summary, rank in rows
    ]
