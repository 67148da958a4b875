"""What makes a visitor trust a page: the article named on every page, one quiet citation
per section, when the content was last reviewed (from its history), what
"editor-verified" means, and an About page."""

import datetime
import re

import pytest
from django.utils import timezone
from reversion.models import Revision

from careers.models import FAQ, SalaryRange
from tests.content.test_pages import CANONICAL_COMPARE, PAGE_PATHS, html_of
from tests.helpers import ARCHITECT

ARTICLE_TITLE = "AI Pair Programmer vs AI Architect: Which Role Fits You Best?"
LAST_REVIEWED = re.compile(r'Last reviewed <time datetime="([0-9-]+)">([^<]+)</time>')


def last_reviewed(client, path: str) -> str | None:
    found = LAST_REVIEWED.search(html_of(client.get(path)))
    return found.group(2) if found else None


@pytest.mark.parametrize("path", [*PAGE_PATHS, "/assessment/methodology/"])
def test_every_page_names_the_article_and_links_to_the_sources(client, seeded, path):
    html = html_of(client.get(path))
    footer = html[html.index('<footer class="site-footer') :]
    assert f"<cite>{ARTICLE_TITLE}</cite>" in footer
    assert 'href="/sources/"' in footer and 'href="/about/"' in footer
    assert "From the article: " not in html  # no more "From the article: …" per block


@pytest.mark.parametrize("path", ["/", f"/roles/{ARCHITECT}/", CANONICAL_COMPARE, "/salaries/"])
def test_a_content_page_cites_the_article_once_per_section(client, seeded, path):
    html = html_of(client.get(path))
    sections = html.count('<section class="section')
    marks = html.count('<details class="source-mark">')
    assert 2 <= marks <= sections, (marks, sections)


@pytest.fixture
def reviewed_long_ago(seeded):
    Revision.objects.update(date_created=timezone.make_aware(datetime.datetime(2025, 3, 1, 9)))


def test_last_reviewed_is_the_newest_change_to_what_the_page_shows(
    staff_client, client, reviewed_long_ago
):
    assert last_reviewed(client, "/salaries/") == "1 March 2025"
    salary = SalaryRange.objects.get(role__slug=ARCHITECT)
    form = html_of(staff_client.get(f"/admin/careers/salaryrange/{salary.pk}/change/"))
    assert "csrfmiddlewaretoken" in form
    response = staff_client.post(
        f"/admin/careers/salaryrange/{salary.pk}/change/",
        {
            "slug": salary.slug,
            "role": salary.role_id,
            "label": salary.label,
            "low": salary.low,
            "high": salary.high,
            "median": "",
            "note": "Market rates change quickly; check before you negotiate.",
            "currency": salary.currency,
            "region": salary.region,
            "year": salary.year,
            "article_section": salary.article_section,
            "order": salary.order,
        },
    )
    assert response.status_code == 302, html_of(response)[:2000]
    today = timezone.localdate()
    assert last_reviewed(client, "/salaries/") == f"{today.day} {today:%B %Y}"
    # A page that does not show the salary keeps its date.
    assert last_reviewed(client, "/faq/") == "1 March 2025"


def test_sources_page_explains_editor_verified_in_a_visitors_words(client, seeded):
    html = html_of(client.get("/sources/"))
    section = html[html.index('id="editor-verified"') :]
    assert "its own editors checked the statement themselves" in section
    assert "not from a publication you could look up" in section
    faq = FAQ.objects.exclude(attribution="").get()
    detail = html_of(client.get(faq.get_absolute_url()))
    assert "The article's attribution" not in detail
    assert 'href="/sources/#editor-verified">what that means</a>' in detail


def test_about_page_says_who_it_is_for_where_content_comes_from_and_what_it_is_not(
    client, seeded, settings
):
    html = html_of(client.get("/about/"))
    for heading in [
        "Who it is for",
        "Where the content comes from",
        "How the assessment was made, and what it is not",
        "Report a mistake",
    ]:
        assert f">{heading}</h2>" in html
    assert f"<cite>{ARTICLE_TITLE}</cite>" in html
    assert "mailto:" not in html  # no address configured
    settings.CONTACT_EMAIL = "editors@example.org"
    assert 'href="mailto:editors@example.org"' in html_of(client.get("/about/"))


def test_the_salary_caption_promises_a_median_tick_only_when_one_is_drawn(client, seeded):
    assert "A tick across a bar" not in html_of(client.get("/salaries/"))
    assert 'class="salary-median"' not in html_of(client.get("/salaries/"))
    SalaryRange.objects.filter(role__slug=ARCHITECT).update(median=200_000)
    html = html_of(client.get("/salaries/"))
    assert "A tick across a bar marks its median." in html
    assert 'class="salary-median"' in html
