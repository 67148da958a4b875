"""The tool catalogue: tools filtered by role and category, with a count per filter value."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Count, Exists, OuterRef, Q, Value

from careers.content.models import Role, Tool, ToolCategory
from careers.content.selectors import ToolGroup, group_tools


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
