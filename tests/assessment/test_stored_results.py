"""Results stored by earlier scoring versions read as they did, through today's one path.

`v1/` and `v2/` hold results stored by the code of those versions (their rows and the
questionnaire snapshot) and what their pages and JSON showed then, captured before the
report documents existed. The rows are stored here without a document, as they were on
a database before migration 0007, which then writes it; the page and JSON are read
through today's one view and template.

A page is compared as a reader meets it: its text, its links and its bars. Version 1's
next steps are left out: they came from the live content in version 1 too (skills and
tools), were never frozen, and are shown today as every result's next steps are.
"""

import datetime
import json
import re
from html.parser import HTMLParser
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps

from careers.models import AssessmentResult, Questionnaire

CAPTURED = Path(__file__).parent
V2_CASES = ["clear-pair-senior", "torn-junior", "straight-fast", "slight-mid", "architect-student"]
NEXT_STEPS = re.compile(r'<section aria-labelledby="next-heading".*?</section>', re.S)
ARTICLE = re.compile(r'<article class="assessment-result.*?</article>', re.S)
write_report_documents = import_module(
    "careers.migrations.0007_result_report"
).write_report_documents


class ReaderView(HTMLParser):
    """What a reader meets on a page: words, link targets and bar geometry, in order."""

    def __init__(self):
        super().__init__()
        self.seen: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.seen.append(f"link:{attrs.get('href')}")
        if tag == "rect" and "bar-fill" in attrs.get("class", ""):
            self.seen.append(f"bar:{attrs.get('x')}+{attrs.get('width')}")

    def handle_data(self, data):
        self.seen.extend(data.split())


def reader_view(html: str) -> list[str]:
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    parser = ReaderView()
    parser.feed(html)
    return parser.seen


def store_as_before_documents(row: dict, questionnaire: dict) -> AssessmentResult:
    """The captured row as a database held it before migration 0007, then migrated."""
    questionnaire, _ = Questionnaire.objects.get_or_create(
        fingerprint=questionnaire["fingerprint"], defaults={"snapshot": questionnaire["snapshot"]}
    )
    fields = ("answers", "scores", "outcome", "careless", "fits_me")
    result = AssessmentResult.objects.create(
        id=row["id"],
        questionnaire=questionnaire,
        scoring_version=row.get("scoring_version", 1),
        experience=row.get("experience", ""),
        **{name: row[name] for name in fields},
    )
    created = datetime.datetime.fromisoformat(row["created_at"])
    AssessmentResult.objects.filter(pk=result.pk).update(created_at=created)
    write_report_documents(apps, None)
    return AssessmentResult.objects.get(pk=result.pk)


def article_of(client, result) -> str:
    return ARTICLE.search(client.get(result.get_absolute_url()).content.decode()).group(0)


@pytest.fixture
def v1_result(seeded):
    row = json.loads((CAPTURED / "v1" / "row.json").read_text())
    return store_as_before_documents(row, row["questionnaire"])


@pytest.fixture(params=V2_CASES)
def v2_case(request, seeded):
    folder = CAPTURED / "v2"
    row = json.loads((folder / f"{request.param}.row.json").read_text())
    questionnaire = json.loads((folder / "questionnaire.json").read_text())
    return request.param, store_as_before_documents(row, questionnaire)


def test_a_stored_v1_result_keeps_version_1(v1_result):
    assert v1_result.scoring_version == 1
    assert v1_result.report["headline"] == "You fit both roles"


def test_a_v1_result_page_reads_as_before(client, v1_result):
    article = article_of(client, v1_result)
    captured = (CAPTURED / "v1" / "page.html").read_text()
    assert reader_view(NEXT_STEPS.sub("", article)) == reader_view(NEXT_STEPS.sub("", captured))
    assert "Next steps" in article  # still there, from the live content


def test_a_v1_result_json_reads_as_before_plus_its_version(client, v1_result):
    data = client.get(f"/assessment/results/{v1_result.pk}.json").json()
    before = json.loads((CAPTURED / "v1" / "public.json").read_text())
    assert data == {**before, "scoring_version": 1}


def test_a_v2_result_page_reads_as_before(client, v2_case):
    name, result = v2_case
    captured = (CAPTURED / "v2" / f"{name}.page.html").read_text()
    assert reader_view(article_of(client, result)) == reader_view(captured)


def test_a_v2_result_json_reads_as_before(client, v2_case):
    name, result = v2_case
    data = client.get(f"/assessment/results/{result.pk}.json").json()
    assert data == json.loads((CAPTURED / "v2" / f"{name}.public.json").read_text())


def test_the_page_and_json_come_from_the_stored_document_not_the_scores(client, v2_case):
    _, result = v2_case
    AssessmentResult.objects.filter(pk=result.pk).update(scores={})
    assert client.get(result.get_absolute_url()).status_code == 200
    assert client.get(f"/assessment/results/{result.pk}.json").status_code == 200
