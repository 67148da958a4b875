"""careers.content.selectors: what the pages are fed, and in how many queries."""

import pytest

from careers.content import comparison, selectors
from careers.models import DecisionFactor, KeyPoint, Role, Tool
from tests.helpers import ARCHITECT, PAIR, make_role


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
    pair_programmer = Role.objects.get(slug=PAIR)
    assert [(other.name, other.url) for other in page.other_roles] == [
        (pair_programmer.name, pair_programmer.get_absolute_url())
    ]
    assert page.other_roles[0].comparison_url == f"/compare/{PAIR}-vs-{ARCHITECT}/"
    assert [faq.url for faq in page.faqs] == [faq.get_absolute_url() for faq in role.faqs.all()]
    assert page.responsibility_sections == ("Key Functions of an AI Architect",)
    assert [point.slug for point in page.key_points] == list(
        KeyPoint.objects.filter(on_roles=True).values_list("slug", flat=True)
    )
    assert "build-skills-in-both" in {point.slug for point in page.key_points}


def test_role_page_takes_this_roles_pole_of_every_factor(seeded):
    page = selectors.role_page(slug=PAIR)
    assert len(page.fits) == DecisionFactor.objects.count()
    for row in page.fits:
        factor = DecisionFactor.objects.get(pk=row.factor.pk)
        assert row.poles[0].text == factor.pair_programmer_pole


def test_factor_pole_is_none_for_a_role_neither_pole_names(seeded):
    factor = DecisionFactor.objects.first()
    stranger = make_role()
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
    roles = comparison.roles_to_compare(slugs=slugs)
    assert (tuple(role.slug for role in roles) if roles else None) == expected


def test_comparison_pivots_skills_into_one_row_per_area(seeded, django_assert_num_queries):
    roles = comparison.roles_to_compare(slugs=(PAIR, ARCHITECT))
    with django_assert_num_queries(4):
        page = comparison.role_comparison(roles=roles)
    assert len(page.skills) == 5
    for row in page.skills:
        assert [cell.role.slug for cell in row.cells] == [PAIR, ARCHITECT]
        assert all(cell.skill.area_id == row.area.pk for cell in row.cells)
    assert [salary.role.slug for salary in page.salaries] == [PAIR, ARCHITECT]


def test_comparison_separates_shared_tools_from_each_roles_own(seeded):
    shared = Tool.objects.get(slug="github-actions")
    shared.roles.add(Role.objects.get(slug=PAIR))
    roles = comparison.roles_to_compare(slugs=(PAIR, ARCHITECT))
    page = comparison.role_comparison(roles=roles)
    assert [tool.slug for tool in page.shared_tools] == ["github-actions"]
    own = {role.slug: groups for role, groups in page.own_tools}
    own_slugs = {slug: {t.slug for g in groups for t in g.tools} for slug, groups in own.items()}
    assert "github-actions" not in own_slugs[PAIR] | own_slugs[ARCHITECT]
    assert "github-copilot" in own_slugs[PAIR]
