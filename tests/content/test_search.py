"""careers.content.search: stored documents, one bounded query, safe highlighting."""

import pytest

from careers.content import search
from tests.helpers import make_tool


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


def test_search_is_one_bounded_query(seeded, django_assert_num_queries):
    with django_assert_num_queries(1):
        hits = search.search(query="ai")
    assert 0 < len(hits) <= search.SEARCH_RESULT_LIMIT
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)


def test_search_ranks_a_name_match_above_a_description_match(seeded):
    hits = search.search(query="prometheus")
    assert hits[0].url.endswith("#tool-prometheus")
    assert hits[0].kind == "Tool"


def test_empty_search_runs_no_query(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert search.search(query="   ") == ()


def test_a_saved_row_is_found_by_its_new_words_at_once(db):
    tool = make_tool(description="It charts the migration of zebrafish.")
    assert [hit.url for hit in search.search(query="zebrafish")] == [tool.get_absolute_url()]
    tool.description = "It charts the migration of albatrosses."
    tool.save()
    assert search.search(query="zebrafish") == ()
    assert [hit.url for hit in search.search(query="albatross")] == [tool.get_absolute_url()]


def test_renaming_a_category_refreshes_the_documents_of_its_tools(db):
    tool = make_tool()
    tool.category.name = "Quasar wrangling"
    tool.category.save()
    hits = search.search(query="quasar")
    assert [(hit.kind, hit.url) for hit in hits] == [("Tool", tool.get_absolute_url())]


def test_search_reads_the_stored_documents_instead_of_building_them(
    seeded, django_assert_num_queries
):
    with django_assert_num_queries(1) as captured:
        assert search.search(query="architecture")
    sql = captured.captured_queries[0]["sql"]
    assert "to_tsvector" not in sql
    assert sql.count('"search_vector" @@') == len(search.SEARCH_KINDS)


def test_every_seeded_searchable_row_has_a_stored_document(seeded):
    for model in search.SEARCH_DOCUMENTS:
        assert not model.objects.filter(search_vector__isnull=True).exists(), model
