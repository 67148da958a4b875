"""Content checks: the seed's faithfulness check runs on every admin save, warns on the
change page and lists every finding on the "Content checks" page; it never blocks a save."""

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse

from careers.editors.content_admin import all_findings, findings_for
from careers.faithfulness import ArticleFacts, shipped_article_facts
from careers.models import FAQ, Role, SalaryRange
from tests.helpers import ARCHITECT, ARTICLE
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db

SALARIES_SECTION = "AI Engineer vs AI Architect: Who Earns More?"
# A figure the article does not give (it gives $170,000–$250,000 and a median past $200,000).
NOTE_WITH_UNKNOWN_FIGURE = "The median can pass $215,000 in big cities."
# Eight words in a row from the article's conclusion.
COPIED = "Build skills in both domains and stay open to the evolving frontier."


def form_data(row, **changes) -> dict:
    """The admin change form of `row` as posted: its field values, with `changes`."""
    data = {k: v for k, v in model_to_dict(row).items() if v is not None and k != "id"}
    data.update(changes)
    return data


@pytest.fixture
def architect_salary(seeded):
    return SalaryRange.objects.get(role__slug=ARCHITECT)


def test_the_shipped_article_facts_are_the_articles():
    assert shipped_article_facts() == ArticleFacts.from_text(ARTICLE.read_text(encoding="utf-8"))


def test_the_seeded_content_has_no_findings(seeded):
    assert all_findings() == []


def test_a_salary_note_with_a_figure_the_article_does_not_give_is_found(architect_salary):
    architect_salary.note = NOTE_WITH_UNKNOWN_FIGURE
    architect_salary.save()
    [finding] = findings_for(architect_salary)
    assert finding.field == "Note"
    assert finding.message == f"215000 does not appear in the section {SALARIES_SECTION!r}"


def test_a_range_the_article_does_not_give_is_found(architect_salary):
    SalaryRange.objects.filter(pk=architect_salary.pk).update(low=120_000)
    architect_salary.refresh_from_db()
    messages = [finding.message for finding in findings_for(architect_salary)]
    assert "the range 120000–250000 is not one the article gives" in messages


def test_eight_words_copied_from_the_article_are_found(seeded):
    faq = FAQ.objects.first()
    FAQ.objects.filter(pk=faq.pk).update(answer=COPIED)
    [finding] = findings_for(FAQ.objects.get(pk=faq.pk))
    assert (finding.field, finding.message) == (
        "Answer",
        "copies “build skills in both domains and stay open”",
    )


def test_saving_warns_on_the_change_page_and_still_saves(staff_client, architect_salary):
    url = reverse("admin:careers_salaryrange_change", args=[architect_salary.pk])
    response = staff_client.post(
        url,
        form_data(architect_salary, note=NOTE_WITH_UNKNOWN_FIGURE, _continue="1"),
        follow=True,
    )
    architect_salary.refresh_from_db()
    assert architect_salary.note == NOTE_WITH_UNKNOWN_FIGURE  # warned, not blocked
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert "215000 does not appear" in warnings[0]
    html = response.content.decode()
    assert 'class="content-findings"' in html  # and on the change page itself
    assert html.count("215000 does not appear") == 2


def test_saving_a_role_checks_its_inline_salaries_too(staff_client, seeded):
    role = Role.objects.get(slug=ARCHITECT)
    salary = role.salary_ranges.get()
    SalaryRange.objects.filter(pk=salary.pk).update(note=NOTE_WITH_UNKNOWN_FIGURE)
    response = staff_client.post(
        reverse("admin:careers_role_change", args=[role.pk]), role_form_data(role), follow=True
    )
    warnings = [str(m) for m in response.context["messages"] if m.level_tag == "warning"]
    assert any("Note: 215000 does not appear" in warning for warning in warnings), warnings


def test_a_clean_save_gives_no_warning(staff_client, architect_salary):
    url = reverse("admin:careers_salaryrange_change", args=[architect_salary.pk])
    response = staff_client.post(url, form_data(architect_salary), follow=True)
    assert [m for m in response.context["messages"] if m.level_tag == "warning"] == []


def test_the_content_checks_page_lists_findings_with_links_to_the_rows(
    staff_client, architect_salary
):
    page = reverse("admin:content_checks")
    assert "No findings" in staff_client.get(page).content.decode()
    SalaryRange.objects.filter(pk=architect_salary.pk).update(note=NOTE_WITH_UNKNOWN_FIGURE)
    html = staff_client.get(page).content.decode()
    change_url = reverse("admin:careers_salaryrange_change", args=[architect_salary.pk])
    assert f'<a href="{change_url}">' in html
    assert "215000 does not appear in the section" in html
    assert "<caption>Salary ranges</caption>" in html


def test_the_index_links_to_the_content_checks(staff_client, seeded):
    html = staff_client.get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin:content_checks")}"' in html


def test_the_content_checks_page_is_for_staff_only(client, seeded):
    response = client.get(reverse("admin:content_checks"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
