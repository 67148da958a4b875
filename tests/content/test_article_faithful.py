"""What a visitor reading the article beside the site should find: nothing it does not
say, its central points, and the article section every block of content comes from."""

import re

import pytest
from django.utils.html import escape

from careers.models import (
    DecisionFactor,
    KeyPoint,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    Source,
    Tool,
)
from tests.content.test_pages import CANONICAL_COMPARE, PAGE_PATHS, html_of
from tests.helpers import ARCHITECT, ARTICLE, PAIR, leaning_answers

pytestmark = pytest.mark.django_db

ROLE_PAGES = [f"/roles/{PAIR}/", f"/roles/{ARCHITECT}/"]
CONTRASTS = [
    ("Deep", "Broad"),
    ("Practical", "Strategic"),
    ("Limited", "Extensive"),
    ("Tactical", "Strategic"),
    ("Crisp", "Persuasive"),
]
NUMERIC_RATING = re.compile(r"\b[0-5] (?:of|out of) 5\b|\b[0-5]/5\b|meter-pip")


def from_article(section: str) -> str:
    return f"<cite>{escape(section)}</cite>"


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize("path", [*PAGE_PATHS, CANONICAL_COMPARE, "/assessment/methodology/"])
def test_no_page_shows_a_numeric_skill_rating(client, seeded, path):
    assert not NUMERIC_RATING.search(html_of(client.get(path)))


def test_the_result_page_names_skills_by_the_articles_words_not_levels(client, seeded, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    from careers.models import Question

    questions = list(Question.objects.active().select_related("leans_toward", "factor"))
    response = client.post("/assessment/", leaning_answers(questions, ARCHITECT), follow=True)
    html = html_of(response)
    assert "How its skills differ" in html
    assert "Broad here, Deep in the other role" in html
    assert not NUMERIC_RATING.search(html)


def test_the_comparison_shows_the_articles_five_contrasts_side_by_side(client, seeded):
    html = html_of(client.get(CANONICAL_COMPARE))
    skills = html[html.index('id="skills"') : html.index('id="salaries"')]
    words = re.findall(r'<span class="contrast-word">([^<]+)</span>', skills)
    assert [tuple(words[i : i + 2]) for i in range(0, len(words), 2)] == CONTRASTS
    for role in Role.objects.all():
        assert escape(role.skills_summary) in skills


def test_the_home_page_contrasts_the_skills_in_the_articles_words(client, seeded):
    html = html_of(client.get("/"))
    words = re.findall(r'<span class="contrast-word">([^<]+)</span>', html)
    assert [tuple(words[i : i + 2]) for i in range(0, len(words), 2)] == CONTRASTS
    assert "not a score" in html


@pytest.mark.parametrize("path", ["/", *ROLE_PAGES])
def test_the_home_page_and_both_role_pages_carry_the_build_both_advice(client, seeded, path):
    advice = KeyPoint.objects.get(slug="build-skills-in-both")
    html = html_of(client.get(path))
    assert escape(advice.text) in html
    assert from_article("Conclusion: Determining Your Best Fit in AI Roles") in html


@pytest.mark.parametrize("slug", [PAIR, ARCHITECT])
def test_role_pages_name_the_section_of_every_block(client, seeded, slug):
    role = Role.objects.get(slug=slug)
    html = html_of(client.get(role.get_absolute_url()))
    sections = {
        role.summary_section,
        role.career_path_section,
        role.work_environment_section,
        role.skills_summary_section,
        role.outlook_section,
        *Responsibility.objects.filter(role=role).values_list("article_section", flat=True),
        *RoleSkill.objects.filter(role=role).values_list("article_section", flat=True),
        *Tool.objects.filter(roles=role).values_list("article_section", flat=True),
        *SalaryRange.objects.filter(role=role).values_list("article_section", flat=True),
        *DecisionFactor.objects.values_list("article_section", flat=True),
    }
    for section in sections:
        assert from_article(section) in html, section
    assert html.count('class="source-mark"') <= html.count("<h2")  # one per section at most


def test_the_comparison_names_the_section_of_every_block(client, seeded):
    html = html_of(client.get(CANONICAL_COMPARE))
    for section in {
        *RoleSkill.objects.values_list("article_section", flat=True),
        *SalaryRange.objects.values_list("article_section", flat=True),
        *Tool.objects.values_list("article_section", flat=True),
        *Responsibility.objects.values_list("article_section", flat=True),
        *Role.objects.values_list("work_environment_section", flat=True),
        *Role.objects.values_list("career_path_section", flat=True),
        *Role.objects.values_list("outlook_section", flat=True),
        *DecisionFactor.objects.values_list("article_section", flat=True),
    }:
        assert from_article(section) in html, section


def test_the_salaries_page_names_its_section_and_the_articles_reasons(client, seeded):
    html = html_of(client.get("/salaries/"))
    assert from_article("AI Engineer vs AI Architect: Who Earns More?") in html
    assert "shortage of people" in html  # talent scarcity, the article's reason
    assert "more and more in demand" in html  # a foot in both worlds
    assert "senior pair programmer can out-earn" not in html  # never in the article
    assert "Source</th>" not in html


def test_the_tools_page_names_its_sections_and_the_assistants_patterns(client, seeded):
    html = html_of(client.get("/tools/"))
    assert from_article("AI Pair Programming Tools and Platforms") in html
    assert from_article("Common Architect Tools and Frameworks") in html
    assert "ghost text" in html and "human review" in html
    assert "whiteboarding" not in html.lower()


def test_the_sources_page_is_the_articles_reference_list(client, seeded):
    html = html_of(client.get("/sources/"))
    assert "All of the content on this site comes from one article" in html
    lines = [line.strip() for line in ARTICLE.read_text(encoding="utf-8").splitlines()]
    references = [line.removeprefix("- ") for line in lines[lines.index("References") + 1 :]]
    shown = re.findall(r'<li id="source-[^"]+">([^<]*)</li>', html)
    assert [text_of(item).strip() for item in shown] == [escape(r) for r in references if r]
    assert "Cited on" not in html
    assert "Editor-verified" in html and "Was Elon Musk a coder?" in html  # the one attribution


def test_no_page_links_a_reference_to_a_claim(client, seeded):
    for path in [
        *ROLE_PAGES,
        CANONICAL_COMPARE,
        "/salaries/",
        "/faq/",
        "/faq/was-elon-musk-a-coder/",
    ]:
        assert "/sources/#source-" not in html_of(client.get(path)), path
    assert Source.objects.count() == 7


def test_the_learning_factor_has_no_invented_poles_and_is_shown_whole(client, seeded):
    learning = DecisionFactor.objects.get(slug="learning-motivation")
    for path in ["/", CANONICAL_COMPARE]:
        html = html_of(client.get(path))
        assert escape(learning.description) in html, path
    compare = html_of(client.get(CANONICAL_COMPARE))
    row = compare[compare.index(f">{learning.name}<") :]
    row = row[
        : row.index('<div class="compare-area">')
        if '<div class="compare-area">' in row
        else row.index("</section>")
    ]
    assert "Not described" not in row and "compare-cell" not in row  # one block, no empty side


def test_a_section_an_editor_changes_shows_on_the_page(client, seeded):
    role = Role.objects.get(slug=ARCHITECT)
    role.outlook_section = "Key Functions of an AI Architect"
    role.save()
    html = html_of(client.get(role.get_absolute_url()))
    outlook = html[html.index('id="outlook"') :]
    assert (
        from_article("Key Functions of an AI Architect") in outlook[: outlook.index("</section>")]
    )


def test_the_methodology_labels_the_assessment_as_rolefits_reading(client, seeded):
    html = html_of(client.get("/assessment/methodology/"))
    assert "own reading of the article" in html
    # Learning motivation has no side in the article: it is explained, and not scored.
    assert "Learning motivation is one of the article's decision factors" in html
    assert "gives it no side, so it is not scored" in html
    assert ">Learning motivation<" not in html  # no table of statements for it
    assert "</strong>: </li>" not in html  # no empty pole


def test_an_edited_key_point_shows_on_the_next_request(client, seeded):
    assert "Grow on both sides." not in html_of(client.get("/"))
    advice = KeyPoint.objects.get(slug="build-skills-in-both")
    advice.text = "Grow on both sides."
    advice.save()  # bumps the content version, so the cached home page is not served
    assert "Grow on both sides." in html_of(client.get("/"))
    advice.on_home = False
    advice.save()
    assert "Grow on both sides." not in html_of(client.get("/"))
