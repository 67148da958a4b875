"""A result scored before scoring version 2 reads exactly as it did.

`v1/` holds a result stored by the version-1 code (its row and questionnaire snapshot)
and what its page and JSON showed then, captured before version 2 was written. Only the
next-steps block is left out of the comparison: it came from the live content (skills,
tools) in version 1 too, so it was never frozen.
"""

import datetime
import json
import re
from pathlib import Path

import pytest

from careers.models import AssessmentResult, Questionnaire
from tests.helpers import CSRF_FIELD

CAPTURED = Path(__file__).parent / "v1"
NEXT_STEPS = re.compile(r'<section aria-labelledby="next-heading".*?</section>', re.S)


def comparable(article: str) -> str:
    article = CSRF_FIELD.sub('name="csrfmiddlewaretoken" value="CSRF"', article)
    return NEXT_STEPS.sub("", article)


@pytest.fixture
def v1_result(seeded):
    row = json.loads((CAPTURED / "result.json").read_text())
    questionnaire = Questionnaire.objects.create(**row["questionnaire"])
    result = AssessmentResult.objects.create(
        id=row["id"],
        answers=row["answers"],
        questionnaire=questionnaire,
        scores=row["scores"],
        outcome=row["outcome"],
        careless=row["careless"],
        fits_me=row["fits_me"],
    )
    created = datetime.datetime.fromisoformat(row["created_at"])
    AssessmentResult.objects.filter(pk=result.pk).update(created_at=created)
    return result


def test_a_stored_v1_result_is_marked_version_1(v1_result):
    assert AssessmentResult.objects.get(pk=v1_result.pk).scoring_version == 1


def test_a_v1_result_page_reads_exactly_as_before(client, v1_result):
    html = client.get(v1_result.get_absolute_url()).content.decode()
    article = re.search(r'<article class="assessment-result.*?</article>', html, re.S).group(0)
    assert comparable(article) == comparable((CAPTURED / "page.html").read_text())
    assert "Next steps" in article  # still there, from the live content


def test_a_v1_result_json_reads_as_before_plus_its_version(client, v1_result):
    data = client.get(f"/assessment/results/{v1_result.pk}.json").json()
    before = json.loads((CAPTURED / "result_json.json").read_text())
    assert data == {**before, "scoring_version": 1}
