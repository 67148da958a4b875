"""Reads that feed the public pages.

Each selector runs a fixed number of queries whatever the amount of content (at most five
per page): related rows come through `select_related`, one query per list, or PostgreSQL
arrays (`ArraySubquery`) for the short lists a page only shows as text and links.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, QuerySet
from django.db.models.functions import JSONObject

from careers.content.key_points import (
    KeyPointRef,
    key_point_array,
    key_point_refs,
    key_points,
)
from careers.content.models import (
    FAQ,
    DecisionFactor,
    KeyPoint,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SkillArea,
    Source,
    Tool,
    ToolCategory,
)
from careers.content.shown import RowRef

# --- Building blocks ---------------------------------------------------------------------


@dataclass(frozen=True)
class ToolGroup:
    category: ToolCategory
    tools: tuple[Tool, ...]

    @property
    def sections(self) -> tuple[str, ...]:
        """The article sections the group's tools rest on."""
        return tuple(tool.article_section for tool in self.tools)


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
    def sections(self) -> tuple[str, ...]:
        """The article sections the row's cells rest on."""
        return tuple(cell.skill.article_section for cell in self.cells if cell.skill)


@dataclass(frozen=True)
class Pole:
    role: Role
    text: str | None


@dataclass(frozen=True)
class FactorRow:
    """One decision factor with the pole each role stands for (text None if neither does)."""

    factor: DecisionFactor
    poles: tuple[Pole, ...]

    @property
    def article_section(self) -> str:
        return self.factor.article_section

    @property
    def has_poles(self) -> bool:
        """False where the article names no side (learning): the factor is shown whole."""
        return any(pole.text for pole in self.poles)


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


@dataclass(frozen=True)
class PageLink:
    """A link to another page: what it is called and where it is."""

    title: str
    url: str
    row: RowRef | None = None


@dataclass(frozen=True)
class RoleLink:
    """Another role, with its page and its comparison with the role at hand."""

    name: str
    url: str
    comparison_url: str


def roles_annotated() -> QuerySet[Role]:
    """Roles with their responsibilities (texts) and the article sections those rest on,
    as arrays: one query."""
    responsibilities = Responsibility.objects.filter(role=OuterRef("pk"))
    return Role.objects.annotate(
        responsibility_texts=_text_array(responsibilities.order_by("order", "id"), "text"),
        responsibility_ids=_text_array(responsibilities.order_by("order", "id"), "id"),
        responsibility_sections=_text_array(
            responsibilities.order_by("article_section").distinct("article_section"),
            "article_section",
        ),
    )


# --- Home and role list --------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    roles: tuple[Role, ...]
    skills: tuple[SkillRow, ...]
    salaries: tuple[SalaryRange, ...]
    factors: tuple[FactorRow, ...]
    key_points: tuple[KeyPoint, ...]


def role_overview() -> Overview:
    """Every role with its skill contrasts, salary ranges and factor poles, and the home
    page's key points (five queries)."""
    roles = tuple(Role.objects.all())
    skills = RoleSkill.objects.select_related("area")
    salaries = tuple(SalaryRange.objects.select_related("role"))
    factors = DecisionFactor.objects.all()
    return Overview(
        roles=roles,
        skills=skill_rows(skills, roles),
        salaries=salaries,
        factors=factor_rows(factors, roles),
        key_points=key_points("on_home"),
    )


def role_list() -> QuerySet[Role]:
    """Roles in their order, each with its salary ranges prefetched (two queries)."""
    return Role.objects.prefetch_related("salary_ranges")


# --- Role page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class RolePage:
    role: Role
    responsibilities: tuple[str, ...]
    skills: tuple[RoleSkill, ...]
    tool_groups: tuple[ToolGroup, ...]
    salaries: tuple[SalaryRange, ...]
    fits: tuple[FactorRow, ...]
    faqs: tuple[PageLink, ...]
    key_points: tuple[KeyPointRef, ...]
    other_roles: tuple[RoleLink, ...]

    @property
    def responsibility_sections(self) -> tuple[str, ...]:
        return tuple(self.role.responsibility_sections)


def role_page(*, slug: str) -> RolePage | None:
    """Everything the role page shows, in five queries; None when no role has `slug`."""
    role = (
        roles_annotated()
        .annotate(
            faq_rows=_row_array(
                FAQ.objects.filter(related_role=OuterRef("pk")).order_by("order", "question"),
                ("id", "slug", "question"),
            ),
            other_role_rows=_row_array(
                Role.objects.exclude(pk=OuterRef("pk")).order_by("order", "name"),
                ("slug", "name", "order"),
            ),
            key_point_rows=key_point_array("on_roles"),
        )
        .filter(slug=slug)
        .first()
    )
    if role is None:
        return None
    salaries = tuple(SalaryRange.objects.filter(role=role).select_related("role"))
    return RolePage(
        role=role,
        responsibilities=tuple(role.responsibility_texts),
        skills=tuple(RoleSkill.objects.filter(role=role).select_related("area")),
        tool_groups=group_tools(Tool.objects.filter(roles=role).select_related("category")),
        salaries=salaries,
        fits=factor_rows(DecisionFactor.objects.all(), [role]),
        faqs=tuple(
            PageLink(
                title=row["question"],
                url=FAQ.url_for(slug=row["slug"]),
                row=RowRef(FAQ, row["id"]),
            )
            for row in role.faq_rows
        ),
        key_points=key_point_refs(role.key_point_rows),
        other_roles=tuple(_role_link(role, row) for row in role.other_role_rows),
    )


def _role_link(role: Role, other: dict) -> RoleLink:
    return RoleLink(
        name=other["name"],
        url=Role.url_for(slug=other["slug"]),
        comparison_url=role.comparison_url(SimpleNamespace(**other)),
    )


# --- Salaries, FAQs, sources -------------------------------------------------------------


def salary_ranges() -> QuerySet[SalaryRange]:
    """Every salary range with its role (one query)."""
    return SalaryRange.objects.select_related("role")


def faq_list() -> QuerySet[FAQ]:
    """Every FAQ with its role (one query)."""
    return FAQ.objects.select_related("related_role")


@dataclass(frozen=True)
class FAQPage:
    faq: FAQ
    others: tuple[FAQ, ...]


def faq_page(*, slug: str) -> FAQPage | None:
    """One FAQ with its role and the other questions (two queries); None if unknown."""
    faq = faq_list().filter(slug=slug).first()
    if faq is None:
        return None
    others = FAQ.objects.exclude(pk=faq.pk).only("slug", "question", "order")
    return FAQPage(faq=faq, others=tuple(others))


def source_list() -> QuerySet[Source]:
    """The article's reference list in its order (one query). Nothing cites an entry: the
    article does not say which reference backs which claim."""
    return Source.objects.all()


def attributed_faqs() -> tuple[FAQ, ...]:
    """The FAQs whose answer the article attributes explicitly (one query)."""
    return tuple(FAQ.objects.exclude(attribution="").only("slug", "question", "attribution"))
