"""careers.content.search_query: what a visitor types, read into terms PostgreSQL accepts."""

from hypothesis import given
from hypothesis import strategies as st

from careers.content.search_query import MAX_TERMS, SearchTerm, search_terms, search_words


def test_words_phrases_and_exclusions():
    assert search_terms('"system design" review -salary') == (
        SearchTerm("system design", phrase=True),
        SearchTerm("review"),
        SearchTerm("salary", excluded=True),
    )


def test_punctuation_alone_is_no_term():
    assert search_terms("-" * 40) == ()
    assert search_terms('"" - -- !!') == ()


def test_exclusions_alone_find_nothing_rather_than_everything():
    assert search_terms("-copilot -cursor") == ()


def test_a_word_keeps_its_inner_punctuation_for_the_text_parser():
    assert search_terms("CI/CD draw.io") == (SearchTerm("CI/CD"), SearchTerm("draw.io"))


def test_an_unclosed_quote_runs_to_the_end():
    assert search_terms('"code review') == (SearchTerm("code review", phrase=True),)


def test_search_words_are_the_words_looked_for():
    assert search_words(search_terms('Architcet "Pay range" -x')) == ("architcet", "pay", "range")


@given(st.text(max_size=200))
def test_any_text_gives_a_bounded_set_of_terms_with_a_word_each(text):
    terms = search_terms(text)
    assert len(terms) <= MAX_TERMS
    assert all(any(char.isalnum() or char == "_" for char in term.text) for term in terms)
    assert not terms or any(not term.excluded for term in terms)
