"""careers.selectors: what the pages are fed, and in how many queries."""

import pytest

from careers import selectors
from careers.models import DecisionFactor, Role, Tool

PAIR, ARCHITECT = "ai-pair-programmer", "ai-architect"


def test_role_page_is_none_for_an_unknown_slug(seeded):
    assert selectors.role_page(slug="no-such-role") is None


def test_role_page_carries_the_role_and_its_content_in_order(seeded, django_assert_num_queries):
    with django_assert_num_queries(5):
        page = selectors.role_page(slug=ARCHITECT)
    role = Role.objects.get(slug=ARCHITECT)
    assert page.role == role
    assert list(page.responsibilities) == [r.text for r in role.responsibilities.all()]
    assert page.skills[0].area.slug == "coding-proficiency"
    assert {tool.slug for group in page.tool_groups for tool in group.tools} == set(
        role.tools.values_list("slug", flat=True)
    )
    assert [role.slug for role in page.other_roles] == [PAIR]
    assert all(faq.related_role_id is None for faq in page.faqs)  # built from rows, unsaved
    assert {faq.slug for faq in page.faqs} == set(role.faqs.values_list("slug", flat=True))
    assert page.sources
    assert [source.order for source in page.sources] == sorted(s.order for s in page.sources)


def test_role_page_takes_this_roles_pole_of_every_factor(seeded):
    page = selectors.role_page(slug=PAIR)
    assert len(page.fits) == DecisionFactor.objects.count()
    for row in page.fits:
        factor = DecisionFactor.objects.get(pk=row.factor.pk)
        assert row.poles[0].text == factor.pair_programmer_pole


def test_factor_pole_is_none_for_a_role_neither_pole_names(seeded):
    factor = DecisionFactor.objects.first()
    stranger = Role.objects.create(
        slug="x", name="X", tagline="x", summary="x", career_path="x", work_environment="x"
    )
    assert selectors.factor_pole(factor, stranger) is None


@pytest.mark.parametrize(
    ("slugs", "expected"),
    [
        ((PAIR, ARCHITECT), (PAIR, ARCHITECT)),
        ((ARCHITECT, PAIR), (PAIR, ARCHITECT)),
        ((PAIR, PAIR), None),
        ((PAIR, "nope"), None),
    ],
)
def test_roles_to_compare_come_in_site_order_or_not_at_all(seeded, slugs, expected):
    roles = selectors.roles_to_compare(slugs=slugs)
    assert (tuple(role.slug for role in roles) if roles else None) == expected


def test_comparison_pivots_skills_into_one_row_per_area(seeded, django_assert_num_queries):
    roles = selectors.roles_to_compare(slugs=(PAIR, ARCHITECT))
    with django_assert_num_queries(4):
        comparison = selectors.role_comparison(roles=roles)
    assert len(comparison.skills) == 5
    for row in comparison.skills:
        assert [cell.role.slug for cell in row.cells] == [PAIR, ARCHITECT]
        assert all(cell.skill.area_id == row.area.pk for cell in row.cells)
    assert [salary.role.slug for salary in comparison.salaries] == [PAIR, ARCHITECT]


def test_comparison_separates_shared_tools_from_each_roles_own(seeded):
    shared = Tool.objects.get(slug="github-actions")
    shared.roles.add(Role.objects.get(slug=PAIR))
    roles = selectors.roles_to_compare(slugs=(PAIR, ARCHITECT))
    comparison = selectors.role_comparison(roles=roles)
    assert [tool.slug for tool in comparison.shared_tools] == ["github-actions"]
    own = {role.slug: groups for role, groups in comparison.own_tools}
    own_slugs = {slug: {t.slug for g in groups for t in g.tools} for slug, groups in own.items()}
    assert "github-actions" not in own_slugs[PAIR] | own_slugs[ARCHITECT]
    assert "github-copilot" in own_slugs[PAIR]


def test_tool_catalogue_counts_respect_the_other_filter(seeded, django_assert_num_queries):
    with django_assert_num_queries(3):
        catalogue = selectors.tool_catalogue(category_slug="monitoring-and-audit")
    counts = {option.slug: option.count for option in catalogue.role_options}
    assert counts == {PAIR: 0, ARCHITECT: 4}
    assert catalogue.category.slug == "monitoring-and-audit"
    assert catalogue.tool_count == 4


def test_tool_catalogue_keeps_every_role_of_a_tool_when_filtering_by_role(seeded):
    tool = Tool.objects.get(slug="github-actions")
    tool.roles.add(Role.objects.get(slug=PAIR))
    catalogue = selectors.tool_catalogue(role_slug=PAIR)
    listed = {t.slug: t for group in catalogue.groups for t in group.tools}
    assert [role.slug for role in listed["github-actions"].role_list] == [PAIR, ARCHITECT]


def test_tool_catalogue_reports_unknown_filters_without_listing_tools(seeded):
    catalogue = selectors.tool_catalogue(role_slug="nope", category_slug="productionization")
    assert catalogue.is_unknown_filter
    assert catalogue.unknown_role == "nope" and catalogue.unknown_category is None
    assert catalogue.groups == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("  system \n design ", "system design"),
        ("a\x00b", "ab"),
        ("x" * 500, "x" * 200),
    ],
)
def test_search_queries_are_normalized_and_bounded(raw, expected):
    assert selectors.normalize_search_query(raw) == expected


def test_highlight_escapes_everything_but_the_marks():
    start, end = selectors.MATCH_START, selectors.MATCH_END
    html = selectors.highlight(f'<script>"x"</script> {start}Copilot{end} {start}<b>{end} {end}')
    assert (
        html
        == "&lt;script&gt;&quot;x&quot;&lt;/script&gt; <mark>Copilot</mark> <mark>&lt;b&gt;</mark> "
    )


def test_search_is_one_bounded_query(seeded, django_assert_num_queries):
    with django_assert_num_queries(1):
        hits = selectors.search(query="ai")
    assert 0 < len(hits) <= selectors.SEARCH_RESULT_LIMIT
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)


def test_search_ranks_a_name_match_above_a_description_match(seeded):
    hits = selectors.search(query="prometheus")
    assert hits[0].url.endswith("#tool-prometheus")
    assert hits[0].kind == "Tool"


def test_empty_search_runs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert selectors.search(query="   ") == ()


def test_an_unknown_filter_does_not_zero_the_counts_of_the_other(seeded):
    catalogue = selectors.tool_catalogue(role_slug="nope")
    assert sum(option.count for option in catalogue.category_options) == Tool.objects.count()
    catalogue = selectors.tool_catalogue(category_slug="nope")
    architect_tools = Tool.objects.filter(roles__slug=ARCHITECT).count()
    assert {option.slug: option.count for option in catalogue.role_options}[
        ARCHITECT
    ] == architect_tools
