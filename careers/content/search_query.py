"""A visitor's search words read by RoleFit itself, never by PostgreSQL's own query syntax.

PostgreSQL's `websearch_to_tsquery` fails on some inputs (33 dashes in a row overflow its
operator stack), so RoleFit reads the query into terms here and hands each term's text to
`plainto_tsquery` or `phraseto_tsquery`, which accept any text. What a visitor can say:

- words: every word must match (``code review``);
- ``"quoted words"``: the words next to each other, in that order;
- ``-word``: leave out what matches it (only beside a word to look for).

Plain Python, no Django import.
"""

import re
from dataclasses import dataclass

# Enough for any real question; the rest of a very long query is ignored.
MAX_TERMS = 8
TOKEN = re.compile(r'(?P<minus>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
HAS_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class SearchTerm:
    """One term of a query: its text, and whether it is a phrase and whether it excludes."""

    text: str
    phrase: bool = False
    excluded: bool = False


def search_terms(query: str) -> tuple[SearchTerm, ...]:
    """The terms of `query`: at most MAX_TERMS, each holding at least one letter or digit.

    Exclusions stay only beside a term to look for: a query of exclusions alone finds
    nothing, rather than everything but them.
    """
    terms: list[SearchTerm] = []
    for match in TOKEN.finditer(query):
        text = (match["phrase"] if match["phrase"] is not None else match["word"]).strip()
        if not HAS_WORD.search(text):
            continue  # punctuation alone: a stray dash, an empty pair of quotes
        term = SearchTerm(
            text=text, phrase=match["phrase"] is not None, excluded=bool(match["minus"])
        )
        if term not in terms:
            terms.append(term)
        if len(terms) == MAX_TERMS:
            break
    if not any(not term.excluded for term in terms):
        return ()
    return tuple(terms)


def search_words(terms: tuple[SearchTerm, ...]) -> tuple[str, ...]:
    """The words of the terms to look for (not the excluded ones), lower-cased, in order."""
    words: list[str] = []
    for term in terms:
        if not term.excluded:
            words += [word.lower() for word in re.findall(r"\w+", term.text)]
    return tuple(dict.fromkeys(words))
