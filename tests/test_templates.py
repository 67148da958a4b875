"""No page shows template syntax to a visitor (a multi-line {# #} comment prints as text)."""

import pytest
from django.test import Client

from careers.assessment.selectors import assessment_questions
from tests.content.test_pages import PAGE_PATHS
from tests.helpers import ARCHITECT, TEMPLATE_SYNTAX, leaning_answers

pytestmark = pytest.mark.django_db

OTHER_PAGES = [
    "/assessment/",
    "/assessment/methodology/",
    "/robots.txt",
    "/sitemap.xml",
    "/no-such-page/",
    "/tools/?role=no-such-role",
]


def assert_no_template_syntax(path: str, html: str) -> None:
    found = TEMPLATE_SYNTAX.search(html)
    assert found is None, f"{path} shows {html[found.start() - 60 : found.end() + 60]!r}"


@pytest.mark.parametrize("path", [*PAGE_PATHS, *OTHER_PAGES])
def test_no_page_shows_template_syntax(client, seeded, path):
    assert_no_template_syntax(path, client.get(path).content.decode())


def test_no_assessment_page_shows_template_syntax(client, seeded, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    questions = assessment_questions()
    refused = client.post("/assessment/", {questions[0].slug: "9"})
    assert_no_template_syntax("the refused form", refused.content.decode())
    result_url = client.post("/assessment/", leaning_answers(questions, ARCHITECT))["Location"]
    for path in (result_url, f"{result_url}delete/"):
        assert_no_template_syntax(path, client.get(path).content.decode())
    gone = Client()
    assert_no_template_syntax("a 405", gone.put("/roles/").content.decode())


def test_the_check_catches_a_multi_line_comment():
    with pytest.raises(AssertionError):
        assert_no_template_syntax("a page", "<p>{# not\n a comment #}</p>")
