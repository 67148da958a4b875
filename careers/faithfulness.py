"""Checks that seeded content stays faithful to the article it retells.

Plain functions over parsed content records and the article: its text (the test suite
runs them against its copy, `tests/data/article.txt`) or, where the text is not shipped
(the admin's content checks), the `ArticleFacts` drawn from it.

- Every number in the content (a salary, a year, a range) must appear in the article
  section the content names, or anywhere in the article for content that names none.
- No run of `COPIED_RUN` words may be lifted from the article's prose: RoleFit retells it
  in its own words. The reference list is exempt; it is quoted as the article gives it.
"""

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from careers.article import ARTICLE_SECTIONS
from careers.editable import Record, content_fields

COPIED_RUN = 8
# Bookkeeping, not content: never checked.
NOT_CONTENT = {"slug", "key", "order", "weight", "active", "seed_fingerprint"}
NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
RANGE = re.compile(r"\$?(\d[\d,]*)\s*(?:–|—|-|to|and)\s*\$?(\d[\d,]*)")
WORD = re.compile(r"[a-z0-9]+")
# What the checks need of the article, without its text (`ArticleFacts`).
FACTS_FILE = Path(__file__).resolve().parent / "seed" / "article_facts.json"


def split_sections(article: str) -> dict[str, str]:
    """The article's text under each of its section headings (the title's: the lead)."""
    lines = [line.strip() for line in article.splitlines()]
    sections: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line in ARTICLE_SECTIONS:
            current = line
            sections.setdefault(current, [])
        elif current is not None:
            sections[current].append(line)
    return {heading: "\n".join(body) for heading, body in sections.items()}


def numbers_in(text: str) -> set[str]:
    """The numbers written in `text`, without thousands separators: '$170,000' -> '170000'."""
    return {match.replace(",", "").rstrip(".") for match in NUMBER.findall(text)}


def ranges_in(text: str) -> set[tuple[str, str]]:
    """The ranges written in `text` ('$120,000–$190,000', 'between 120,000 and 190,000')."""
    return {(low.replace(",", ""), high.replace(",", "")) for low, high in RANGE.findall(text)}


def _words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("’", "'").replace("'", ""))


def _runs(words: list[str], length: int) -> Iterator[tuple[str, ...]]:
    return (tuple(words[i : i + length]) for i in range(len(words) - length + 1))


def run_hash(run: tuple[str, ...]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ArticleFacts:
    """What the checks read from the article: the numbers and ranges of each section (key
    "" for the whole article) and a hash of every run of `COPIED_RUN` words of its prose.

    The site does not ship the article; the admin's content checks read these facts from
    `careers/seed/article_facts.json` (`manage.py write_article_facts ARTICLE` writes it).
    """

    numbers: dict[str, frozenset[str]]
    ranges: dict[str, frozenset[tuple[str, str]]]
    copied_run_hashes: frozenset[str]

    @classmethod
    def from_text(cls, article: str) -> "ArticleFacts":
        sections = {"": article, **split_sections(article)}
        prose = " ".join(
            body for heading, body in split_sections(article).items() if heading != "References"
        )
        return cls(
            numbers={name: frozenset(numbers_in(text)) for name, text in sections.items()},
            ranges={name: frozenset(ranges_in(text)) for name, text in sections.items()},
            copied_run_hashes=frozenset(run_hash(run) for run in _runs(_words(prose), COPIED_RUN)),
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "numbers": {k: sorted(v) for k, v in self.numbers.items()},
                "ranges": {k: sorted(v) for k, v in self.ranges.items()},
                "copied_run_hashes": sorted(self.copied_run_hashes),
            },
            indent=1,
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> "ArticleFacts":
        data = json.loads(text)
        return cls(
            numbers={k: frozenset(v) for k, v in data["numbers"].items()},
            ranges={k: frozenset(tuple(pair) for pair in v) for k, v in data["ranges"].items()},
            copied_run_hashes=frozenset(data["copied_run_hashes"]),
        )

    def section(self, name: str | None) -> str:
        """`name` when the facts know it, else "" (the whole article)."""
        return name if name and name in self.numbers else ""


@cache
def shipped_article_facts(path: Path = FACTS_FILE) -> ArticleFacts:
    """The facts the site ships, read once per process."""
    return ArticleFacts.from_json(path.read_text(encoding="utf-8"))


def _facts(article: "str | ArticleFacts") -> ArticleFacts:
    return article if isinstance(article, ArticleFacts) else ArticleFacts.from_text(article)


@dataclass(frozen=True)
class Finding:
    """One place where a record drifts from the article; `field` is None for a range."""

    record: Record
    field: str | None
    message: str

    def __str__(self):
        parts = [self.record.where, self.field, self.message]
        return ": ".join(part for part in parts if part)


def _content_values(record: Record) -> Iterator[tuple[str, Any, str | None]]:
    """(field, value, the section it rests on) for each content value of a record."""
    for f in content_fields(record.model):
        name = f.name
        if name in NOT_CONTENT or name.endswith("_section") or f.is_relation:
            continue
        value = record.values[name]
        if isinstance(value, bool) or value in (None, ""):
            continue
        section = record.values.get(f"{name}_section") or record.values.get("article_section")
        yield name, value, section


def number_findings(records: Iterable[Record], article: "str | ArticleFacts") -> list[Finding]:
    """Each number (and salary range) the content gives that its article section does not."""
    facts = _facts(article)
    findings = []
    for record in records:
        for name, value, section in _content_values(record):
            where = facts.section(section)
            named = f"the section {where!r}" if where else "the article"
            found = {str(value)} if isinstance(value, int) else numbers_in(str(value))
            findings += [
                Finding(record, name, f"{number} does not appear in {named}")
                for number in sorted(found - facts.numbers[where])
            ]
        findings += _range_findings(record, facts)
    return findings


def _range_findings(record: Record, facts: ArticleFacts) -> list[Finding]:
    values = record.values
    if not {"low", "high"} <= values.keys():
        return []
    pair = (str(values["low"]), str(values["high"]))
    if pair in facts.ranges[facts.section(values.get("article_section"))]:
        return []
    return [Finding(record, None, f"the range {pair[0]}–{pair[1]} is not one the article gives")]


def copied_findings(
    records: Iterable[Record], article: "str | ArticleFacts", length: int = COPIED_RUN
) -> list[Finding]:
    """Each place where the content repeats `length` words in a row from the article's prose."""
    if length == COPIED_RUN:
        hashes = _facts(article).copied_run_hashes
    elif isinstance(article, str):  # another length than the facts are made for
        prose = " ".join(b for h, b in split_sections(article).items() if h != "References")
        hashes = {run_hash(run) for run in _runs(_words(prose), length)}
    else:
        raise ValueError(f"ArticleFacts hold runs of {COPIED_RUN} words, not {length}")
    findings = []
    for record in records:
        if record.model.__name__ == "Source":
            continue  # the reference list is quoted on purpose
        for name, value, _ in _content_values(record):
            if not isinstance(value, str):
                continue
            for run in _runs(_words(value), length):
                if run_hash(run) in hashes:
                    findings.append(Finding(record, name, f"copies “{' '.join(run)}”"))
                    break
    return findings


def number_problems(records: Iterable[Record], article: "str | ArticleFacts") -> list[str]:
    """`number_findings`, one line each: 'where: field: what'."""
    return [str(finding) for finding in number_findings(records, article)]


def copied_runs(
    records: Iterable[Record], article: "str | ArticleFacts", length: int = COPIED_RUN
) -> list[str]:
    """`copied_findings`, one line each: 'where: field: what'."""
    return [str(finding) for finding in copied_findings(records, article, length)]


# --- Advice and result texts ----------------------------------------------------------
# The assessment's own prose (career advice, what to do next) is checked like the seed:
# its numbers, how often or how long it says something holds, the section it cites for
# an idea the article states in one place, and the article's caveats.

# How often or how long something holds: the article's own word, in the cited section.
HEDGES = re.compile(
    r"\b(always|usually|typically|generally|mostly|often|frequently|sometimes|rarely|never"
    r"|increasingly|(?:years|months) of)\b",
    re.I,
)
# Ideas the article states in one section only: a text that says one cites that section.
SECTION_IDEAS = (
    (
        re.compile(r"foot in both worlds|sought after|code at scale", re.I),
        "AI Engineer vs AI Architect: Who Earns More?",
    ),
    (re.compile(r"plateau", re.I), "Career Paths and Salary Prospects for Each Role"),
    (
        re.compile(r"zigzag|future-proof", re.I),
        "Choosing Between AI Pair Programmer and AI Architect: Decision Factors",
    ),
)
# One developer's story (the article's "for example"): retold, it must stay one story.
ANECDOTE = re.compile(r"like senior developers|with (?:established )?senior developers", re.I)
ONE_STORY = re.compile(r"\bone (?:developer|person)|for example", re.I)
# Pay ranges come with the article's caveat that they can overlap.
PAY = re.compile(r"\b(?:pay|paid|salar\w*|earn\w*)\b", re.I)
OVERLAP = re.compile(r"\boverlap", re.I)


def cited_text_problems(texts: Iterable[tuple[str, str, str]], article: str) -> list[str]:
    """Each way a cited text (where, text, article section) says more than its section."""
    sections = split_sections(article)
    problems = []
    for where, text, section in texts:
        body = sections.get(section)
        if body is None:
            problems.append(f"{where}: cites {section!r}, which the article lacks")
            continue
        problems += [
            f"{where}: {number} does not appear in the section {section!r}"
            for number in sorted(numbers_in(text) - numbers_in(body))
        ]
        problems += [
            f"{where}: says “{hedge}”, which the section {section!r} does not"
            for hedge in sorted({h.lower() for h in HEDGES.findall(text)})
            if hedge not in body.lower()
        ]
        problems += [
            f"{where}: says what {stated_in!r} says but cites {section!r}"
            for idea, stated_in in SECTION_IDEAS
            if idea.search(text) and section != stated_in
        ]
        if ANECDOTE.search(text) and not ONE_STORY.search(text):
            problems.append(f"{where}: makes one developer's story a rule")
        if PAY.search(text) and not OVERLAP.search(text):
            problems.append(f"{where}: speaks of pay without the article's “can overlap”")
    return problems
