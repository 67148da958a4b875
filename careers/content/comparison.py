"""Reads for the side-by-side comparison: which roles to compare (from the URL, or the
default pair), and the comparison page's view-model, row by row. Built from the same
blocks as the role page (`careers.content.selectors`), at a fixed number of queries.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

from django.contrib.postgres.aggregates import ArrayAgg
from django.db.models import Value

from careers.content.key_points import (
    KeyPointRef,
    key_point_array,
    key_point_refs,
)
from careers.content.models import (
    DecisionFactor,
    Role,
    RoleSkill,
    SalaryRange,
    Tool,
)
from careers.content.selectors import (
    FactorRow,
    SkillRow,
    ToolGroup,
    factor_rows,
    group_tools,
    roles_annotated,
    skill_rows,
)


def roles_to_compare(*, slugs: Sequence[str]) -> tuple[Role, ...] | None:
    """The named roles in their canonical (site) order; None unless every slug is a role.

    One query; the roles come annotated for `role_comparison` (each carries the
    comparison's key points, so they cost no query of their own).
    """
    if len(set(slugs)) != len(slugs):
        return None
    annotated = roles_annotated().annotate(key_point_rows=key_point_array("on_comparison"))
    roles = tuple(annotated.filter(slug__in=slugs))
    return roles if len(roles) == len(slugs) else None


def default_comparison_pair() -> tuple[Role, Role] | None:
    """The first two roles in site order, or None when there are fewer than two."""
    roles = tuple(Role.objects.only("slug", "order", "name")[:2])
    return (roles[0], roles[1]) if len(roles) == 2 else None


def comparison_pairs() -> list[tuple[Role, Role]]:
    """Every pair of roles in canonical order (one query)."""
    return list(combinations(Role.objects.only("slug", "order", "name"), 2))


@dataclass(frozen=True)
class WorkArea:
    """One topic of the comparison's "Work and career": per role, its paragraphs, or its
    list (responsibilities); None where the role has nothing written for it."""

    title: str
    cells: tuple[tuple[Role, str | tuple[str, ...] | None], ...]
    is_list: bool = False


@dataclass(frozen=True)
class Comparison:
    roles: tuple[Role, ...]
    skills: tuple[SkillRow, ...]
    salaries: tuple[SalaryRange, ...]
    tools: tuple[Tool, ...]
    factors: tuple[FactorRow, ...]
    key_points: tuple[KeyPointRef, ...]

    @property
    def shared_tools(self) -> tuple[Tool, ...]:
        """Tools every compared role uses."""
        return tuple(tool for tool in self.tools if len(tool.role_slugs) == len(self.roles))

    @property
    def work_areas(self) -> tuple[WorkArea, ...]:
        """Responsibilities, work environment, career path and outlook, role by role."""

        def area(title: str, field: str) -> WorkArea:
            return WorkArea(
                title, tuple((role, getattr(role, field) or None) for role in self.roles)
            )

        return (
            WorkArea(
                "Main responsibilities",
                tuple((role, tuple(role.responsibility_texts)) for role in self.roles),
                is_list=True,
            ),
            area("Work environment", "work_environment"),
            area("Career path", "career_path"),
            area("Outlook", "outlook"),
        )

    @property
    def work_sections(self) -> tuple[str, ...]:
        """The article sections the roles' responsibilities, work environment, career
        path and outlook rest on."""
        return tuple(
            section
            for role in self.roles
            for section in (
                *role.responsibility_sections,
                role.work_environment_section,
                role.career_path_section,
                role.outlook_section,
            )
        )

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
        .select_related("role")
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
        key_points=key_point_refs(getattr(roles[0], "key_point_rows", None) if roles else ()),
    )
