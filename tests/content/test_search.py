"""careers.content.search: stored documents, bounded queries, safe highlighting, pages
among the results, misspellings read, results kept per query until content changes."""

import logging
import re
from urllib.parse import unquote_plus

import pytest

from careers.content import search
from careers.content.models import DecisionFactor
from careers.content.views import SearchView
from tests.helpers import make_tool


def urls(query: str) -> list[str]:
    return [hit.url for hit in search.search(query=query).hits]


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
    assert search.normalize_search_query(raw) == expected


def test_highlight_escapes_everything_but_the_marks():
    start, end = search.MATCH_START, search.MATCH_END
    html = search.highlight(f'<script>"x"</script> {start}Copilot{end} {start}<b>{end} {end}')
    assert (
        html
        == "&lt;script&gt;&quot;x&quot;&lt;/script&gt; <mark>Copilot</mark> <mark>&lt;b&gt;</mark> "
    )


def search_queries(captured) -> list[str]:
    """The queries a search ran, leaving out the savepoint it runs them in (in tests only:
    outside a transaction it takes none)."""
    return [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]


def test_search_is_two_bounded_queries(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(4) as captured:
        hits = search.search(query="ai").hits
    assert len(search_queries(captured)) == 2  # the rows' documents, then the pages
    assert 0 < len(hits) <= search.SEARCH_RESULT_LIMIT
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)


def test_search_ranks_a_name_match_above_a_description_match(seeded):
    hits = search.search(query="prometheus").hits
    assert hits[0].url.endswith("#tool-prometheus")
    assert hits[0].kind == "Tool"


def test_empty_search_runs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert search.search(query="   ").hits == ()


def test_a_saved_row_is_found_by_its_new_words_at_once(db):
    tool = make_tool(description="It charts the migration of zebrafish.")
    assert urls("zebrafish") == [tool.get_absolute_url()]
    tool.description = "It charts the migration of albatrosses."
    tool.save()
    assert urls("zebrafish") == []
    assert urls("albatross") == [tool.get_absolute_url()]


def test_renaming_a_category_refreshes_the_documents_of_its_tools(db):
    tool = make_tool()
    tool.category.name = "Quasar wrangling"
    tool.category.save()
    hits = search.search(query="quasar").hits
    assert [(hit.kind, hit.url) for hit in hits] == [("Tool", tool.get_absolute_url())]


def test_search_reads_the_stored_documents_instead_of_building_them(
    seeded, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4) as captured:
        assert search.search(query="architecture").hits
    sql = search_queries(captured)[0]
    assert "to_tsvector" not in sql
    assert sql.count('"search_vector" @@') == len(search.SEARCH_KINDS)


def test_every_seeded_searchable_row_has_a_stored_document(seeded):
    for model in search.SEARCH_DOCUMENTS:
        assert not model.objects.filter(search_vector__isnull=True).exists(), model


# --- What people mean --------------------------------------------------------------------

ARCHITECT_PAGE = "/roles/ai-architect/"
PAIR_PAGE = "/roles/ai-pair-programmer/"


# Each test seeds the content once and asks several questions of it.
def test_pay_words_find_the_salaries_page_and_each_role_salary(seeded):
    for query in ["salary", "salaries", "pay", "Salary"]:
        found = urls(query)
        assert "/salaries/" in found[:3], (query, found)
        assert {ARCHITECT_PAGE + "#salary", PAIR_PAGE + "#salary"} <= set(found), (query, found)


def test_mentoring_finds_the_decision_factor_on_the_home_page(seeded):
    # The home page's "Depth vs breadth": architects go wide, mentoring teams.
    assert "/#factor-depth-vs-breadth" in urls("mentoring")


def test_a_misspelt_word_is_read_as_the_closest_word_of_the_content(seeded):
    results = search.search(query="architcet")
    assert results.corrected_query == "architect"
    assert results.hits[0].url == ARCHITECT_PAGE

    results = search.search(query="xylophone")  # unlike any word of the content
    assert results.hits == () and results.corrected_query is None


def test_pages_are_results_by_their_subject_and_key_points_where_shown(seeded):
    pages = {
        "compare": "/compare/",
        "methodology": "/assessment/methodology/",
        "scoring": "/assessment/methodology/",
        "references": "/sources/",
        "mistake": "/about/",
    }
    for query, page in pages.items():
        assert urls(query)[0] == page, query
    assert "/#point-careers-zigzag" in urls("zigzag")

    assert PAIR_PAGE + "#salary" in urls("salary -architect")
    assert ARCHITECT_PAGE + "#salary" not in urls("salary -architect")
    # quoted words must stand together, in order
    assert "/roles/ai-architect/#skill-system-design" in urls('"system design"')
    assert urls('"design system"') != urls('"system design"')


# --- Input PostgreSQL's own parser refuses --------------------------------------------------


def test_any_query_answers_the_normal_page_without_a_traceback(client, seeded, caplog):
    # websearch_to_tsquery failed on 33 dashes ("tsquery stack too small"): a 500 per hit.
    with caplog.at_level(logging.INFO):
        for query in ["-" * 33, "-" * 200, "- " * 90, "!(&|" * 40, 'a -"" --b', "--x salary"]:
            response = client.get("/search/", {"q": query})
            assert response.status_code == 200, query
            assert "<h1>Search</h1>" in response.content.decode()
    assert not [record for record in caplog.records if record.exc_info]
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]


def test_a_search_the_database_refuses_is_one_log_line_and_no_results(db, caplog, monkeypatch):
    from django.db import DatabaseError

    def refused(terms):
        raise DatabaseError("tsquery stack too small\nCONTEXT: somewhere")

    monkeypatch.setattr(search, "_search_terms", refused)
    with caplog.at_level(logging.WARNING, logger="rolefit"):
        assert search.search(query="anything").hits == ()
    [record] = caplog.records
    assert record.getMessage() == "search failed for 'anything': tsquery stack too small"
    assert record.exc_info is None


# --- Kept per query until content changes ----------------------------------------------------


@pytest.fixture
def memo_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    SearchView.pages.entries.clear()
    yield
    SearchView.pages.entries.clear()


def test_a_repeated_search_runs_no_search_query(
    client, seeded, memo_on, django_assert_max_num_queries
):
    first = client.get("/search/", {"q": "  Mentoring "}).content
    with django_assert_max_num_queries(1) as captured:  # the content version, at most
        assert client.get("/search/", {"q": "Mentoring"}).content == first
    assert all("search_vector" not in q["sql"] for q in captured.captured_queries)


def test_an_edit_shows_in_the_next_search(
    client, seeded, memo_on, django_capture_on_commit_callbacks
):
    assert "Nothing found" in client.get("/search/", {"q": "quokka"}).content.decode()
    factor = DecisionFactor.objects.get(slug="risk-appetite")
    factor.description = "Whether a quokka could unsettle you."
    with django_capture_on_commit_callbacks(execute=True):
        factor.save()
    assert "#factor-risk-appetite" in client.get("/search/", {"q": "quokka"}).content.decode()


def test_every_suggestion_of_the_no_results_page_finds_something(client, seeded):
    html = client.get("/search/", {"q": "xylophone"}).content.decode()
    suggestions = re.findall(r'<a class="filter-link" href="\?q=([^"]+)">', html)
    assert len(suggestions) >= 5
    for suggestion in suggestions:
        query = unquote_plus(suggestion)
        found = client.get("/search/", {"q": query}).content.decode()
        assert "Nothing found" not in found and 'class="result"' in found, query
