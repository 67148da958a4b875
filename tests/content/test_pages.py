"""The public content pages, on the seeded article content."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.urls import reverse
from django.utils.html import escape

from careers.content.search import search_vectors_refresh
from careers.models import (
    FAQ,
    PLACEMENTS,
    KeyPoint,
    Responsibility,
    Role,
    SalaryRange,
    Source,
    Tool,
    ToolCategory,
)
from tests.helpers import ARCHITECT, PAIR

CANONICAL_COMPARE = f"/compare/{PAIR}-vs-{ARCHITECT}/"
FAQ_SLUG = "what-is-an-ai-pair-programmer"

PUBLIC_PAGES = [
    ("/", "Which AI-era role fits you?"),
    ("/roles/", "Two AI-era roles"),
    (f"/roles/{PAIR}/", "AI pair programmer"),
    (f"/roles/{ARCHITECT}/", "AI architect"),
    (CANONICAL_COMPARE, "Decision factors"),
    ("/tools/", "GitHub Copilot"),
    (f"/tools/?role={ARCHITECT}", "MLflow"),
    ("/tools/?category=monitoring-and-audit", "Prometheus"),
    ("/salaries/", "$170,000"),
    ("/faq/", "What is an AI pair programmer?"),
    (f"/faq/{FAQ_SLUG}/", "What is an AI pair programmer?"),
    ("/search/", "What are you looking for?"),
    ("/search/?q=copilot", "GitHub"),
    ("/sources/", "Stack Overflow Blog"),
    ("/about/", "not a validated psychological test"),
]
PAGE_PATHS = [path for path, _ in PUBLIC_PAGES]


def html_of(response) -> str:
    return response.content.decode()


def shown(text: str, html: str) -> bool:
    return escape(text) in html


@pytest.mark.parametrize(("path", "expected"), PUBLIC_PAGES)
def test_every_public_page_answers_with_its_content(client, seeded, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    assert expected in html_of(response)


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_every_page_has_its_own_title_description_and_canonical(client, seeded, path):
    html = html_of(client.get(path))
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.startswith("http://testserver/")
    assert re.search(r'<meta name="description" content="[^"]{40,}">', html)
    assert re.search(r'<meta property="og:title" content="[^"]+">', html)
    assert html.count("<h1") == 1


@pytest.mark.parametrize("path", PAGE_PATHS)
def test_no_page_uses_inline_styles_or_inline_scripts(client, seeded, path):
    """The Content Security Policy would block them."""
    html = html_of(client.get(path))
    assert " style=" not in html
    for attributes in re.findall(r"<script([^>]*)>", html):
        assert "src=" in attributes or 'type="application/ld+json"' in attributes


def test_home_shows_both_roles_the_differences_and_the_assessment_call(client, seeded):
    html = html_of(client.get("/"))
    assert f'href="/roles/{PAIR}/"' in html
    assert f'href="/roles/{ARCHITECT}/"' in html
    assert "Key differences at a glance" in html
    assert "System design" in html
    assert html.count('href="/assessment/"') >= 2


def test_role_page_shows_every_part_of_the_role(client, seeded):
    html = html_of(client.get(f"/roles/{ARCHITECT}/"))
    role = Role.objects.get(slug=ARCHITECT)
    for responsibility in role.responsibilities.all():
        assert shown(responsibility.text, html)
    assert '<span class="contrast-word">Persuasive</span>' in html  # the article's word
    assert "Monitoring" in html and "MLflow" in html  # tools, by category
    assert "$170,000" in html and 'role="img"' in html  # salary, drawn
    assert "This may be you if" in html
    assert "Who earns more" in html  # a related FAQ
    assert "<cite>Key Functions of an AI Architect</cite>" in html
    assert f'href="{CANONICAL_COMPARE}"' in html


def test_role_page_shows_this_roles_pole_of_each_factor(client, seeded):
    from careers.models import DecisionFactor

    html = html_of(client.get(f"/roles/{PAIR}/"))
    for factor in DecisionFactor.objects.exclude(pair_programmer_pole=""):
        assert shown(factor.pair_programmer_pole, html)
        assert not shown(factor.architect_pole, html)


@pytest.mark.parametrize(
    "path",
    [
        "/roles/no-such-role/",
        "/faq/no-such-question/",
        f"/compare/{PAIR}-vs-no-such-role/",
        f"/compare/{PAIR}-vs-{PAIR}/",
        "/compare/not-a-comparison/",
    ],
)
def test_unknown_slugs_get_the_designed_404(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "We could not find that page" in html_of(response)


def test_compare_in_reverse_order_redirects_permanently_to_the_canonical_order(client, seeded):
    response = client.get(f"/compare/{ARCHITECT}-vs-{PAIR}/")
    assert response.status_code == 301
    assert response["Location"] == CANONICAL_COMPARE


def test_compare_without_roles_redirects_to_the_default_pair(client, seeded):
    response = client.get("/compare/")
    assert response.status_code == 302
    assert response["Location"] == CANONICAL_COMPARE


def test_compare_follows_the_roles_order_set_by_editors(client, seeded):
    Role.objects.filter(slug=ARCHITECT).update(order=0)
    Role.objects.filter(slug=PAIR).update(order=9)
    assert client.get("/compare/")["Location"] == f"/compare/{ARCHITECT}-vs-{PAIR}/"
    assert client.get(CANONICAL_COMPARE).status_code == 301


def test_compare_page_puts_skills_salaries_tools_and_poles_side_by_side(client, seeded):
    html = html_of(client.get(CANONICAL_COMPARE))
    # Overview, five skill areas and their sum, tools, four work areas, four factors with poles.
    assert html.count('<div class="compare-cells">') == 16
    assert '<span class="contrast-word">Deep</span>' in html
    assert "$120,000" in html and "$250,000" in html
    assert "Only the AI pair programmer" in html and "Only the AI architect" in html
    from careers.models import DecisionFactor

    for factor in DecisionFactor.objects.all():
        assert shown(factor.pair_programmer_pole or factor.description, html)
        assert shown(factor.architect_pole or factor.description, html)


def tool_names(html: str) -> set[str]:
    return set(re.findall(r'<li class="tool-card" id="tool-([^"]+)">', html))


def test_tool_filter_by_role_lists_only_that_roles_tools(client, seeded):
    shown = tool_names(html_of(client.get(f"/tools/?role={PAIR}")))
    expected = set(Tool.objects.filter(roles__slug=PAIR).values_list("slug", flat=True))
    assert shown == expected
    assert "github-copilot" in shown and "mlflow" not in shown


def test_tool_filters_combine_and_each_link_keeps_the_other_filter(client, seeded):
    html = html_of(client.get(f"/tools/?role={ARCHITECT}&category=monitoring-and-audit"))
    assert tool_names(html) == {"mlflow", "evidently-ai", "kibana", "prometheus"}
    assert f'href="/tools/?role={ARCHITECT}&amp;category=productionization"' in html
    assert 'href="/tools/?category=monitoring-and-audit"' in html  # "All roles" keeps category


def test_tool_filters_show_how_many_tools_each_leads_to(client, seeded):
    html = html_of(client.get("/tools/?category=monitoring-and-audit"))
    architect_link = re.search(rf'\?role={ARCHITECT}[^"]*"[^>]*>AI architect (.*?)</a>', html)
    assert '<span class="filter-count">4<' in architect_link.group(1)
    assert f"{Tool.objects.count()} tool" not in html
    assert "4 tools" in html


def test_every_tool_shows_its_roles(client, seeded):
    html = html_of(client.get("/tools/"))
    assert tool_names(html) == set(Tool.objects.values_list("slug", flat=True))
    copilot = html.split('id="tool-github-copilot"')[1].split("</li>")[0]
    assert f'href="/roles/{PAIR}/"' in copilot


@pytest.mark.parametrize(
    "query", ["role=no-such-role", "category=no-such-category", "role=x&category=y"]
)
def test_unknown_tool_filter_answers_404_with_a_clear_message(client, seeded, query):
    response = client.get(f"/tools/?{query}")
    assert response.status_code == 404
    html = html_of(response)
    assert "No such filter" in html
    assert 'href="/tools/"' in html
    assert tool_names(html) == set()


def test_salaries_are_one_accessible_chart_with_the_figures_in_a_table(client, seeded):
    html = html_of(client.get("/salaries/"))
    assert html.count("<svg") == 1
    svg = html[html.index("<svg") : html.index("</svg>") + 6]
    assert 'role="img"' in svg and 'aria-label="Annual salary ranges.' in svg
    assert "<title>" in svg and "<desc>" in svg
    assert svg.count('class="salary-range"') == SalaryRange.objects.count()
    for salary in SalaryRange.objects.all():
        assert f"${salary.low:,}" in html and f"${salary.high:,}" in html
        assert salary.region in html and str(salary.year) in html
    assert "not percentiles" in html or "not a set of percentiles" in html
    assert "$200,000" in html  # the architect median note


def test_faq_list_carries_valid_faqpage_json_ld(client, seeded):
    html = html_of(client.get("/faq/"))
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "FAQPage"
    assert len(data["mainEntity"]) == FAQ.objects.count()
    assert data["mainEntity"][0]["acceptedAnswer"]["@type"] == "Answer"


def test_faq_json_ld_cannot_be_broken_out_of_by_content(client, seeded):
    FAQ.objects.create(slug="evil", question="</script><script>alert(1)</script>", answer="x")
    html = html_of(client.get("/faq/"))
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    names = [entity["name"] for entity in json.loads(block.group(1))["mainEntity"]]
    assert "</script><script>alert(1)</script>" in names  # it stayed inside the data block


def test_each_faq_has_its_own_page_naming_its_article_section(client, seeded):
    faq = FAQ.objects.get(slug=FAQ_SLUG)
    html = html_of(client.get(faq.get_absolute_url()))
    assert shown(faq.answer.split(".")[0], html)
    assert f"From the article’s section, <cite>{faq.article_section}</cite>." in html
    assert "/sources/#source-" not in html  # the article ties no reference to an answer


def test_sources_page_has_an_anchor_per_source(client, seeded):
    html = html_of(client.get("/sources/"))
    for slug in Source.objects.values_list("slug", flat=True):
        assert f'id="source-{slug}"' in html


# --- Search --------------------------------------------------------------------------------


def search_hits(html: str) -> list[str]:
    return re.findall(r'<h2><a href="([^"]+)">', html)


def test_search_ranks_the_best_match_first_and_highlights_it(client, seeded):
    html = html_of(client.get("/search/", {"q": "copilot"}))
    hits = search_hits(html)
    assert hits[0] == "/tools/?category=pair-programming-assistants#tool-github-copilot"
    assert "<mark>Copilot</mark>" in html


def test_search_covers_roles_responsibilities_skills_tools_and_faqs(client, seeded):
    kinds = {
        "architect": "/roles/ai-architect/",
        "docstrings": "#responsibilities",
        "prompt engineering": "#skill-",
        "prometheus": "#tool-prometheus",
        "musk": "/faq/was-elon-musk-a-coder/",
    }
    for query, fragment in kinds.items():
        hits = search_hits(html_of(client.get("/search/", {"q": query})))
        assert any(fragment in hit for hit in hits), (query, hits)


def test_search_escapes_the_query(client, seeded):
    html = html_of(client.get("/search/", {"q": "<script>alert(1)</script>"}))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_search_escapes_content_while_highlighting(client, seeded):
    category = ToolCategory.objects.first()
    tool = Tool.objects.create(
        slug="evil",
        name="Zebrafish <b>bold</b>",
        category=category,
        description='Zebrafish <script>alert("x")</script> <img src=x onerror=alert(1)>',
    )
    tool.roles.add(Role.objects.first())
    html = html_of(client.get("/search/", {"q": "zebrafish"}))
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>bold" not in html
    assert "<mark>Zebrafish</mark> &lt;b&gt;bold&lt;/b&gt;" in html
    assert "alert(&quot;x&quot;)" in html  # the snippet: PostgreSQL drops the tags, we escape


def test_search_without_a_query_offers_suggestions(client, seeded):
    html = html_of(client.get("/search/", {"q": "   "}))
    assert "What are you looking for?" in html
    assert 'href="?q=Copilot"' in html
    assert "noindex" not in html


def test_search_without_results_says_so_and_helps(client, seeded):
    response = client.get("/search/", {"q": "xylophone"})
    html = html_of(response)
    assert response.status_code == 200
    assert "Nothing found for “xylophone”" in html
    assert "Try one of these" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_search_tolerates_any_input(client, seeded):
    for query in ['"unbalanced', "a & | ! b", "(((", "x" * 5000, "copilot -cursor"]:
        assert client.get("/search/", {"q": query}).status_code == 200
    # NUL is refused for the whole site where the query string enters (PostgreSQL refuses
    # it in text, and each variant would be one more page-cache key).
    refused = client.get("/search/", {"q": "\x00"})
    assert refused.status_code == 400
    assert "We could not read that request" in refused.content.decode()


def test_search_shows_the_query_back_in_the_form(client, seeded):
    html = html_of(client.get("/search/", {"q": "system design"}))
    assert 'value="system design"' in html


# --- Sitemap, navigation, freshness --------------------------------------------------------


def test_sitemap_lists_every_public_page(client, seeded):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    paths = {
        loc.text.removeprefix("http://testserver") for loc in root.findall(".//s:loc", namespace)
    }
    expected = {
        "/",
        "/roles/",
        CANONICAL_COMPARE,
        "/tools/",
        "/salaries/",
        "/faq/",
        "/sources/",
        "/about/",
        "/assessment/",
        "/assessment/methodology/",
        *(f"/roles/{slug}/" for slug in Role.objects.values_list("slug", flat=True)),
        *(f"/faq/{slug}/" for slug in FAQ.objects.values_list("slug", flat=True)),
    }
    assert paths == expected


@pytest.mark.parametrize(
    ("path", "current"),
    [("/roles/", "/roles/"), (f"/roles/{PAIR}/", "/roles/"), ("/faq/", "/faq/")],
)
def test_navigation_marks_the_current_section(client, seeded, path, current):
    html = html_of(client.get(path))
    current_links = re.findall(
        r'<a class="nav-link active" aria-current="[a-z]+" href="([^"]+)"', html
    )
    assert current_links == [current]


def test_an_edit_to_a_role_shows_on_the_next_request(client, seeded):
    assert "Shapes whole systems" not in html_of(client.get(f"/roles/{ARCHITECT}/"))
    role = Role.objects.get(slug=ARCHITECT)
    role.tagline = "Shapes whole systems, end to end."
    role.save()
    Responsibility.objects.create(role=role, text="Reviews the model registry weekly.", order=99)
    html = html_of(client.get(f"/roles/{ARCHITECT}/"))
    assert "Shapes whole systems, end to end." in html
    assert "Reviews the model registry weekly." in html


def test_reverse_names_match_the_public_url_contract():
    assert reverse("careers:role_list") == "/roles/"
    assert reverse("careers:compare", kwargs={"first": "a", "second": "b"}) == "/compare/a-vs-b/"
    assert reverse("careers:compare_default") == "/compare/"
    assert reverse("careers:salary_list") == "/salaries/"
    assert reverse("careers:search") == "/search/"
    assert reverse("careers:source_list") == "/sources/"
    assert reverse("careers:about") == "/about/"


# --- Bounded queries -------------------------------------------------------------------------


@pytest.fixture
def inflated(seeded):
    """50 more tools, FAQs, responsibilities, references and key points (shown on every kind
    of page), to show pages do not grow. Made in bulk, search documents included."""
    roles = list(Role.objects.all())
    category = ToolCategory.objects.first()
    placements = dict.fromkeys(PLACEMENTS, True)
    numbers = range(50)
    tools = Tool.objects.bulk_create(
        Tool(
            slug=f"extra-tool-{number}",
            name=f"Extra tool {number}",
            category=category,
            description="An extra copilot-like tool.",
        )
        for number in numbers
    )
    Tool.roles.through.objects.bulk_create(
        Tool.roles.through(tool=tool, role=role) for tool in tools for role in roles
    )
    faqs = FAQ.objects.bulk_create(
        FAQ(
            slug=f"extra-{number}",
            question=f"Extra question {number}?",
            answer="Copilot.",
            related_role=roles[number % len(roles)],
        )
        for number in numbers
    )
    Responsibility.objects.bulk_create(
        Responsibility(
            role=roles[number % len(roles)], text=f"Extra copilot duty {number}", order=50
        )
        for number in numbers
    )
    Source.objects.bulk_create(
        Source(slug=f"extra-source-{number}", citation=f"Source {number}.") for number in numbers
    )
    KeyPoint.objects.bulk_create(
        KeyPoint(
            slug=f"extra-point-{number}",
            title=f"Point {number}",
            text="More advice.",
            article_section=faq.article_section or "References",
            **placements,
        )
        for number, faq in zip(numbers, faqs, strict=True)
    )
    for model in (Tool, FAQ, Responsibility):
        search_vectors_refresh(model.objects.all())


QUERY_BUDGET_PAGES = [
    *PAGE_PATHS,
    "/compare/",
    f"/compare/{ARCHITECT}-vs-{PAIR}/",
    "/tools/?role=x",
]


@pytest.mark.parametrize("path", QUERY_BUDGET_PAGES)
def test_pages_make_at_most_seven_queries_whatever_the_content_size(
    client, inflated, django_assert_max_num_queries, path
):
    # Five for the content at most, one for its page copy (all keys at once), one for when
    # the rows shown were last reviewed.
    with django_assert_max_num_queries(7):
        response = client.get(path)
    assert response.status_code in {200, 301, 302, 404}
