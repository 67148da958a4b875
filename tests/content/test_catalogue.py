"""careers.content.catalogue: the tool catalogue's filters, counts and unknown values."""

from careers.content import catalogue as catalogues
from careers.models import Role, Tool
from tests.helpers import ARCHITECT, PAIR


def test_tool_catalogue_counts_respect_the_other_filter(seeded, django_assert_num_queries):
    with django_assert_num_queries(3):
        catalogue = catalogues.tool_catalogue(category_slug="monitoring-and-audit")
    counts = {option.slug: option.count for option in catalogue.role_options}
    assert counts == {PAIR: 0, ARCHITECT: 4}
    assert catalogue.category.slug == "monitoring-and-audit"
    assert catalogue.tool_count == 4


def test_tool_catalogue_keeps_every_role_of_a_tool_when_filtering_by_role(seeded):
    tool = Tool.objects.get(slug="github-actions")
    tool.roles.add(Role.objects.get(slug=PAIR))
    catalogue = catalogues.tool_catalogue(role_slug=PAIR)
    listed = {t.slug: t for group in catalogue.groups for t in group.tools}
    assert [role.slug for role in listed["github-actions"].role_list] == [PAIR, ARCHITECT]


def test_tool_catalogue_reports_unknown_filters_without_listing_tools(seeded):
    catalogue = catalogues.tool_catalogue(role_slug="nope", category_slug="productionization")
    assert catalogue.is_unknown_filter
    assert catalogue.unknown_role == "nope" and catalogue.unknown_category is None
    assert catalogue.groups == ()


def test_an_unknown_filter_does_not_zero_the_counts_of_the_other(seeded):
    catalogue = catalogues.tool_catalogue(role_slug="nope")
    assert sum(option.count for option in catalogue.category_options) == Tool.objects.count()
    catalogue = catalogues.tool_catalogue(category_slug="nope")
    architect_tools = Tool.objects.filter(roles__slug=ARCHITECT).count()
    assert {option.slug: option.count for option in catalogue.role_options}[
        ARCHITECT
    ] == architect_tools
