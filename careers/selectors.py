"""Reads that feed the public pages.

Each selector runs a fixed number of queries whatever the amount of content (at most five
per page): related rows come through `select_related`, one query per list, or PostgreSQL
arrays (`ArraySubquery`) for the short lists a page only shows as text and links.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from django.contrib.postgres.aggregates import ArrayAgg
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import CharField, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet, Value
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from careers.models import (
    FAQ,
    DecisionFactor,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SkillArea,
    Source,
    Tool,
    ToolCategory,
)

SOURCE_FIELDS = ("slug", "title", "publisher", "url", "published", "order")


# --- Building blocks ---------------------------------------------------------------------


@dataclass(frozen=True)
class ToolGroup:
    category: ToolCategory
    tools: tuple[Tool, ...]


@dataclass(frozen=True)
class SkillCell:
    role: Role
    skill: RoleSkill | None


@dataclass(frozen=True)
class SkillRow:
    """One skill area across several roles; a cell's skill is None when a role has no level."""

    area: SkillArea
    cells: tuple[SkillCell, ...]

    @property
    def levels_differ(self) -> bool:
        levels = {cell.skill.level for cell in self.cells if cell.skill}
        return len(levels) > 1


@dataclass(frozen=True)
class Pole:
    role: Role
    text: str | None


@dataclass(frozen=True)
class FactorRow:
    """One decision factor with the pole each role stands for (text None if neither does)."""

    factor: DecisionFactor
    poles: tuple[Pole, ...]


def factor_pole(factor: DecisionFactor, role: Role) -> str | None:
    """What `factor` looks like for someone suited to `role`."""
    if factor.pair_programmer_role_id == role.pk:
        return factor.pair_programmer_pole
    if factor.architect_role_id == role.pk:
        return factor.architect_pole
    return None


def group_tools(tools: Iterable[Tool]) -> tuple[ToolGroup, ...]:
    """Tools (already ordered by category) grouped under their category."""
    groups: dict[int, list[Tool]] = {}
    categories: dict[int, ToolCategory] = {}
    for tool in tools:
        categories[tool.category_id] = tool.category
        groups.setdefault(tool.category_id, []).append(tool)
    return tuple(ToolGroup(categories[pk], tuple(items)) for pk, items in groups.items())


def skill_rows(skills: Iterable[RoleSkill], roles: Sequence[Role]) -> tuple[SkillRow, ...]:
    """Skills (ordered by area) pivoted into one row per area, one cell per role."""
    areas: dict[int, SkillArea] = {}
    cells: dict[tuple[int, int], RoleSkill] = {}
    for skill in skills:
        areas.setdefault(skill.area_id, skill.area)
        cells[(skill.area_id, skill.role_id)] = skill
    return tuple(
        SkillRow(area, tuple(SkillCell(role, cells.get((area_id, role.pk))) for role in roles))
        for area_id, area in areas.items()
    )


def factor_rows(factors: Iterable[DecisionFactor], roles: Sequence[Role]) -> tuple[FactorRow, ...]:
    """Each factor with the pole of every role, in the roles' order."""
    return tuple(
        FactorRow(factor, tuple(Pole(role, factor_pole(factor, role)) for role in roles))
        for factor in factors
    )


def _text_array(queryset: QuerySet, field: str) -> ArraySubquery:
    return ArraySubquery(queryset.values(field))


def _row_array(queryset: QuerySet, fields: Sequence[str]) -> ArraySubquery:
    return ArraySubquery(queryset.values(row=JSONObject(**{name: name for name in fields})))


def _sources_of_role() -> ArraySubquery:
    return _row_array(
        Source.objects.filter(roles=OuterRef("pk")).order_by("order", "title"), SOURCE_FIELDS
    )


def _merge_sources(*groups: Iterable[Source | None]) -> tuple[Source, ...]:
    unique = {source.slug: source for group in groups for source in group if source is not None}
    return tuple(sorted(unique.values(), key=lambda source: (source.order, source.title)))


def roles_annotated() -> QuerySet[Role]:
    """Roles with their responsibilities (texts) and sources (rows) as arrays: one query."""
    return Role.objects.annotate(
        responsibility_texts=_text_array(
            Responsibility.objects.filter(role=OuterRef("pk")).order_by("order", "id"), "text"
        ),
        source_rows=_sources_of_role(),
    )


def role_sources(role: Role) -> tuple[Source, ...]:
    """The sources stored on a role annotated by `roles_annotated`, as unsaved instances."""
    return tuple(Source(**row) for row in getattr(role, "source_rows", None) or ())


# --- Home and role list --------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    roles: tuple[Role, ...]
    skills: tuple[SkillRow, ...]
    salaries: tuple[SalaryRange, ...]
    factors: tuple[FactorRow, ...]


def role_overview() -> Overview:
    """Every role with its skill levels, salary ranges and factor poles (four queries)."""
    roles = tuple(Role.objects.all())
    skills = RoleSkill.objects.select_related("area")
    salaries = tuple(SalaryRange.objects.select_related("role", "source"))
    factors = DecisionFactor.objects.all()
    return Overview(
        roles=roles,
        skills=skill_rows(skills, roles),
        salaries=salaries,
        factors=factor_rows(factors, roles),
    )


def role_list() -> QuerySet[Role]:
    """Roles in their order, each with its salary ranges prefetched (two queries)."""
    return Role.objects.prefetch_related(
        Prefetch("salary_ranges", queryset=SalaryRange.objects.select_related("source"))
    )


# --- Role page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RolePage:
    role: Role
    responsibilities: tuple[str, ...]
    skills: tuple[RoleSkill, ...]
    tool_groups: tuple[ToolGroup, ...]
    salaries: tuple[SalaryRange, ...]
    fits: tuple[FactorRow, ...]
    faqs: tuple[FAQ, ...]
    sources: tuple[Source, ...]
    other_roles: tuple[Role, ...]


def role_page(*, slug: str) -> RolePage | None:
    """Everything the role page shows, in five queries; None when no role has `slug`."""
    role = (
        roles_annotated()
        .annotate(
            faq_rows=_row_array(
                FAQ.objects.filter(related_role=OuterRef("pk")).order_by("order", "question"),
                ("slug", "question"),
            ),
            other_role_rows=_row_array(
                Role.objects.exclude(pk=OuterRef("pk")).order_by("order", "name"),
                ("slug", "name", "order"),
            ),
        )
        .filter(slug=slug)
        .first()
    )
    if role is None:
        return None
    salaries = tuple(SalaryRange.objects.filter(role=role).select_related("role", "source"))
    return RolePage(
        role=role,
        responsibilities=tuple(role.responsibility_texts),
        skills=tuple(RoleSkill.objects.filter(role=role).select_related("area")),
        tool_groups=group_tools(Tool.objects.filter(roles=role).select_related("category")),
        salaries=salaries,
        fits=factor_rows(DecisionFactor.objects.all(), [role]),
        faqs=tuple(FAQ(**row) for row in role.faq_rows),
        sources=_merge_sources(role_sources(role), (s.source for s in salaries)),
        other_roles=tuple(Role(**row) for row in role.other_role_rows),
    )


# --- Comparison ----------------------------------------------------------------------------


def roles_to_compare(*, slugs: Sequence[str]) -> tuple[Role, ...] | None:
    """The named roles in their canonical (site) order; None unless every slug is a role.

    One query; the roles come annotated for `role_comparison`.
    """
    if len(set(slugs)) != len(slugs):
        return None
    roles = tuple(roles_annotated().filter(slug__in=slugs))
    return roles if len(roles) == len(slugs) else None


def site_order(roles: Iterable[Role]) -> list[Role]:
    """Roles in the order the site lists them (the canonical order of a comparison)."""
    return sorted(roles, key=lambda role: (role.order, role.name))


def default_comparison_pair() -> tuple[Role, Role] | None:
    """The first two roles in site order, or None when there are fewer than two."""
    roles = tuple(Role.objects.only("slug", "order", "name")[:2])
    return (roles[0], roles[1]) if len(roles) == 2 else None


def comparison_pairs() -> list[tuple[Role, Role]]:
    """Every pair of roles in canonical order (one query)."""
    return list(combinations(Role.objects.only("slug", "order", "name"), 2))


@dataclass(frozen=True)
class Comparison:
    roles: tuple[Role, ...]
    skills: tuple[SkillRow, ...]
    salaries: tuple[SalaryRange, ...]
    tools: tuple[Tool, ...]
    factors: tuple[FactorRow, ...]
    sources: tuple[Source, ...]

    @property
    def shared_tools(self) -> tuple[Tool, ...]:
        """Tools every compared role uses."""
        return tuple(tool for tool in self.tools if len(tool.role_slugs) == len(self.roles))

    @property
    def own_tools(self) -> tuple[tuple[Role, tuple[ToolGroup, ...]], ...]:
        """Per role, the tools that only it (among the compared roles) uses."""
        return tuple(
            (role, group_tools(tool for tool in self.tools if tool.role_slugs == [role.slug]))
            for role in self.roles
        )


def role_comparison(*, roles: Sequence[Role]) -> Comparison:
    """Skills, salaries, tools and factors for roles from `roles_to_compare` (four queries)."""
    role_ids = [role.pk for role in roles]
    tools = Tool.objects.filter(roles__in=role_ids).select_related("category")
    # Filtering on the relation first makes the aggregate see only the compared roles.
    tools = tools.annotate(role_slugs=ArrayAgg("roles__slug", distinct=True, default=Value([])))
    salaries = tuple(
        SalaryRange.objects.filter(role__in=role_ids)
        .select_related("role", "source")
        .order_by("role__order", "role__name", "order", "-high")
    )
    return Comparison(
        roles=tuple(roles),
        skills=skill_rows(
            RoleSkill.objects.filter(role__in=role_ids).select_related("area"), roles
        ),
        salaries=salaries,
        tools=tuple(tools),
        factors=factor_rows(DecisionFactor.objects.all(), roles),
        sources=_merge_sources(
            *(role_sources(role) for role in roles), (s.source for s in salaries)
        ),
    )


# --- Tool catalogue ------------------------------------------------------------------------


@dataclass(frozen=True)
class FilterOption:
    slug: str
    name: str
    count: int
    selected: bool


@dataclass(frozen=True)
class ToolCatalogue:
    groups: tuple[ToolGroup, ...]
    role_options: tuple[FilterOption, ...]
    category_options: tuple[FilterOption, ...]
    role: FilterOption | None
    category: FilterOption | None
    unknown_role: str | None
    unknown_category: str | None

    @property
    def tool_count(self) -> int:
        return sum(len(group.tools) for group in self.groups)

    @property
    def is_unknown_filter(self) -> bool:
        return self.unknown_role is not None or self.unknown_category is not None


def _options(rows: Iterable, selected_slug: str | None) -> tuple[FilterOption, ...]:
    return tuple(
        FilterOption(row.slug, row.name, row.tool_count, row.slug == selected_slug) for row in rows
    )


def _selected(options: Sequence[FilterOption]) -> FilterOption | None:
    return next((option for option in options if option.selected), None)


def tool_catalogue(
    *, role_slug: str | None = None, category_slug: str | None = None
) -> ToolCatalogue:
    """Tools filtered by role and category, with a count per filter value (three queries).

    The count beside each role respects the chosen category and vice versa, so each count
    says how many tools the link leads to. An unknown slug is reported, never an error.
    """
    # An unknown value on one side must not zero the counts on the other: it then counts
    # as no filter (decided inside the same query by the Exists).
    in_category = Q()
    if category_slug:
        unknown = ~Exists(ToolCategory.objects.filter(slug=category_slug))
        in_category = Q(tools__category__slug=category_slug) | unknown
    used_by_role = Q()
    if role_slug:
        unknown = ~Exists(Role.objects.filter(slug=role_slug))
        used_by_role = Q(tools__roles__slug=role_slug) | unknown
    roles = Role.objects.annotate(tool_count=Count("tools", filter=in_category, distinct=True))
    categories = ToolCategory.objects.annotate(
        tool_count=Count("tools", filter=used_by_role, distinct=True)
    )
    all_roles = list(roles)
    role_options = _options(all_roles, role_slug)
    category_options = _options(categories, category_slug)
    role_option, category_option = _selected(role_options), _selected(category_options)
    unknown_role = role_slug if role_slug and role_option is None else None
    unknown_category = category_slug if category_slug and category_option is None else None

    groups: tuple[ToolGroup, ...] = ()
    if unknown_role is None and unknown_category is None:
        groups = group_tools(_tools_with_roles(role_slug, category_slug, all_roles))
    return ToolCatalogue(
        groups=groups,
        role_options=role_options,
        category_options=category_options,
        role=role_option,
        category=category_option,
        unknown_role=unknown_role,
        unknown_category=unknown_category,
    )


def _tools_with_roles(
    role_slug: str | None, category_slug: str | None, roles: Sequence[Role]
) -> list[Tool]:
    tools = Tool.objects.select_related("category").annotate(
        role_ids=ArrayAgg("roles__id", distinct=True, default=Value([]))
    )
    if role_slug:
        # Exists, not a join, so the aggregate above still sees every role of the tool.
        tools = tools.filter(
            Exists(Tool.roles.through.objects.filter(tool=OuterRef("pk"), role__slug=role_slug))
        )
    if category_slug:
        tools = tools.filter(category__slug=category_slug)
    roles_by_id = {role.pk: role for role in roles}
    tools = list(tools)
    for tool in tools:
        tool.role_list = [roles_by_id[pk] for pk in tool.role_ids if pk in roles_by_id]
        tool.role_list.sort(key=lambda role: (role.order, role.name))
    return tools


# --- Salaries, FAQs, sources -------------------------------------------------------------


def salary_ranges() -> QuerySet[SalaryRange]:
    """Every salary range with its role and source (one query)."""
    return SalaryRange.objects.select_related("role", "source")


def faq_list() -> QuerySet[FAQ]:
    """Every FAQ with its role and sources (two queries)."""
    return FAQ.objects.select_related("related_role").prefetch_related("sources")


@dataclass(frozen=True)
class FAQPage:
    faq: FAQ
    others: tuple[FAQ, ...]


def faq_page(*, slug: str) -> FAQPage | None:
    """One FAQ with its sources and the other questions (three queries); None if unknown."""
    faq = faq_list().filter(slug=slug).first()
    if faq is None:
        return None
    others = FAQ.objects.exclude(pk=faq.pk).only("slug", "question", "order")
    return FAQPage(faq=faq, others=tuple(others))


def source_list() -> QuerySet[Source]:
    """Every source with the roles, FAQs and salary ranges that cite it (four queries)."""
    return Source.objects.prefetch_related(
        Prefetch("roles", queryset=Role.objects.only("slug", "name", "order")),
        Prefetch("faqs", queryset=FAQ.objects.only("slug", "question", "order")),
        Prefetch(
            "salary_ranges", queryset=SalaryRange.objects.only("slug", "label", "order", "source")
        ),
    )


# --- Search --------------------------------------------------------------------------------

SEARCH_CONFIG = "english"
SEARCH_QUERY_MAX_LENGTH = 200
SEARCH_RESULT_LIMIT = 40
# Private-use characters mark the matches inside ts_headline's output, which is then
# escaped as a whole before the markers become <mark> tags: content and query stay inert.
MATCH_START, MATCH_END = "\ue000", "\ue001"
MATCHED = re.compile(f"{MATCH_START}([^{MATCH_START}{MATCH_END}]*){MATCH_END}")


@dataclass(frozen=True)
class SearchHit:
    kind: str
    context: str
    title: SafeString
    snippet: SafeString
    url: str
    rank: float


KIND_LABELS = {
    "role": "Role",
    "responsibility": "Responsibility",
    "skill": "Skill",
    "tool": "Tool",
    "faq": "FAQ",
}


def normalize_search_query(raw: str | None) -> str:
    """The visitor's query, whitespace collapsed and cut to a bounded length."""
    printable = "".join(char for char in raw or "" if char.isprintable() or char.isspace())
    return " ".join(printable.split())[:SEARCH_QUERY_MAX_LENGTH]


def highlight(headline: str) -> SafeString:
    """ts_headline output made safe: escaped, then the match markers turned into <mark>."""
    escaped = MATCHED.sub(r"<mark>\1</mark>", escape(headline))
    return mark_safe(escaped.replace(MATCH_START, "").replace(MATCH_END, ""))  # noqa: S308


SearchField = str | None


def _expression(field: SearchField) -> F | Value:
    return Value("", output_field=CharField()) if field is None else F(field)


def _search_rows(
    model_qs: QuerySet,
    query: SearchQuery,
    *,
    kind: str,
    vector: SearchVector,
    title: str,
    body: SearchField,
    slug: SearchField,
    parent: SearchField,
    context: SearchField,
) -> QuerySet:
    """One model's matches as rows of the same shape, so that they can form a UNION."""

    def headline(field: str, **options) -> SearchHeadline:
        return SearchHeadline(
            field, query, config=SEARCH_CONFIG, start_sel=MATCH_START, stop_sel=MATCH_END, **options
        )

    snippet = (
        _expression(None)
        if body is None
        else headline(body, max_words=30, min_words=12, max_fragments=2, fragment_delimiter=" … ")
    )
    return (
        model_qs.annotate(document=vector)
        .filter(document=query)
        .values(
            hit_kind=Value(kind, output_field=CharField()),
            hit_slug=_expression(slug),
            hit_parent=_expression(parent),
            hit_context=_expression(context),
            hit_title=headline(title, highlight_all=True),
            hit_snippet=snippet,
            hit_rank=SearchRank(vector, query),
        )
        .order_by()
    )


def _weighted_vector(*weighted: tuple[str, str]) -> SearchVector:
    parts = [SearchVector(field, weight=weight, config=SEARCH_CONFIG) for field, weight in weighted]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined + part
    return combined


def search(*, query: str) -> tuple[SearchHit, ...]:
    """Roles, responsibilities, skills, tools and FAQs matching `query`, best first.

    One UNION query returning at most SEARCH_RESULT_LIMIT rows; a match in a name or
    question weighs more than one in a description.
    """
    query = normalize_search_query(query)
    if not query:
        return ()
    q = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
    roles = _search_rows(
        Role.objects.all(),
        q,
        kind="role",
        vector=_weighted_vector(
            ("name", "A"),
            ("tagline", "B"),
            ("summary", "B"),
            ("career_path", "C"),
            ("work_environment", "C"),
        ),
        title="name",
        body="summary",
        slug="slug",
        parent=None,
        context=None,
    )
    responsibilities = _search_rows(
        Responsibility.objects.all(),
        q,
        kind="responsibility",
        vector=_weighted_vector(("text", "B")),
        title="text",
        body=None,
        slug=None,
        parent="role__slug",
        context="role__name",
    )
    skills = _search_rows(
        RoleSkill.objects.all(),
        q,
        kind="skill",
        vector=_weighted_vector(
            ("area__name", "A"), ("description", "B"), ("area__description", "C")
        ),
        title="area__name",
        body="description",
        slug="area__slug",
        parent="role__slug",
        context="role__name",
    )
    tools = _search_rows(
        Tool.objects.all(),
        q,
        kind="tool",
        vector=_weighted_vector(("name", "A"), ("description", "B"), ("category__name", "C")),
        title="name",
        body="description",
        slug="slug",
        parent="category__slug",
        context="category__name",
    )
    faqs = _search_rows(
        FAQ.objects.all(),
        q,
        kind="faq",
        vector=_weighted_vector(("question", "A"), ("answer", "B")),
        title="question",
        body="answer",
        slug="slug",
        parent=None,
        context=None,
    )
    rows = roles.union(responsibilities, skills, tools, faqs, all=True).order_by(
        "-hit_rank", "hit_kind", "hit_title"
    )[:SEARCH_RESULT_LIMIT]
    return tuple(_search_hit(row) for row in rows)


def _search_hit(row: dict) -> SearchHit:
    kind = row["hit_kind"]
    return SearchHit(
        kind=KIND_LABELS[kind],
        context=row["hit_context"],
        title=highlight(row["hit_title"]),
        snippet=highlight(row["hit_snippet"]),
        url=_search_hit_url(kind, row["hit_slug"], row["hit_parent"]),
        rank=row["hit_rank"],
    )


def _search_hit_url(kind: str, slug: str, parent: str) -> str:
    if kind == "role":
        return reverse("careers:role_detail", kwargs={"slug": slug})
    if kind == "responsibility":
        return reverse("careers:role_detail", kwargs={"slug": parent}) + "#responsibilities"
    if kind == "skill":
        return reverse("careers:role_detail", kwargs={"slug": parent}) + f"#skill-{slug}"
    if kind == "tool":
        return reverse("careers:tool_list") + f"?category={parent}#tool-{slug}"
    return reverse("careers:faq_detail", kwargs={"slug": slug})
