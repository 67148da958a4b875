"""Search across roles, responsibilities, skills, tools and FAQs (PostgreSQL full text).

Each searchable row stores its weighted document in `search_vector` (GIN-indexed), kept
current when the row, or a row whose name it carries (a skill's area, a tool's
category), is saved. A search is one UNION query over the stored vectors, so its cost
does not grow with the amount of text.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import CharField, F, Model, OuterRef, QuerySet, Subquery, Value
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from careers.content.models import (
    FAQ,
    Responsibility,
    Role,
    RoleSkill,
    SkillArea,
    Tool,
    ToolCategory,
)

SEARCH_CONFIG = "english"
SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULT_LIMIT = 40
# Private-use characters mark the matches inside ts_headline's output, which is then
# escaped as a whole before the markers become <mark> tags: content and query stay inert.
MATCH_START, MATCH_END = "\ue000", "\ue001"
MATCHED = re.compile(f"{MATCH_START}([^{MATCH_START}{MATCH_END}]*){MATCH_END}")

# What each searchable model's document holds, with its weight: a match in a name or a
# question counts more than one in a description.
SEARCH_DOCUMENTS: dict[type[Model], tuple[tuple[str, str], ...]] = {
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


@dataclass(frozen=True)
class SearchKind:
    """How one model's rows appear among the hits: label, title, snippet, link, context."""

    label: str
    title: str
    body: str | None
    url_fields: dict[str, str]  # argument of the model's url_for -> field
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
}
KIND_NAMES = {model: model._meta.model_name for model in SEARCH_KINDS}
MODEL_OF_KIND = {name: model for model, name in KIND_NAMES.items()}
URL_ARGUMENTS = ("slug", "role_slug", "area_slug", "category_slug")


def _text(value: str | None):
    return Value(value or "", output_field=CharField())


def _matches(model: type[Model], query: SearchQuery) -> QuerySet:
    """`model`'s matching rows in the shape every part of the UNION shares."""
    kind = SEARCH_KINDS[model]

    def headline(field: str, **options) -> SearchHeadline:
        return SearchHeadline(
            field, query, config=SEARCH_CONFIG, start_sel=MATCH_START, stop_sel=MATCH_END, **options
        )

    snippet = (
        _text(None)
        if kind.body is None
        else headline(
            kind.body, max_words=30, min_words=12, max_fragments=2, fragment_delimiter=" … "
        )
    )
    url_values = {
        f"hit_{argument}": F(kind.url_fields[argument])
        if argument in kind.url_fields
        else _text(None)
        for argument in URL_ARGUMENTS
    }
    return (
        model.objects.filter(search_vector=query)
        .values(
            hit_kind=_text(KIND_NAMES[model]),
            hit_context=F(kind.context) if kind.context else _text(None),
            hit_title=headline(kind.title, highlight_all=True),
            hit_snippet=snippet,
            hit_rank=SearchRank(F("search_vector"), query),
            **url_values,
        )
        .order_by()
    )


def search(*, query: str) -> tuple[SearchHit, ...]:
    """Roles, responsibilities, skills, tools and FAQs matching `query`, best first.

    One UNION query over the stored documents, returning at most SEARCH_RESULT_LIMIT rows.
    """
    query = normalize_search_query(query)
    if not query:
        return ()
    parsed = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    first, *others = [_matches(model, parsed) for model in SEARCH_KINDS]
    rows = first.union(*others, all=True).order_by("-hit_rank", "hit_kind", "hit_title")
    return tuple(_search_hit(row) for row in rows[:SEARCH_RESULT_LIMIT])


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
        rank=row["hit_rank"],
    )
