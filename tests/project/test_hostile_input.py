"""Hostile query strings and path segments get a 4xx or the normal page, never a 5xx."""

import pytest

from tests.helpers import ARCHITECT, PAIR, hostile_queries, logged_lines, tracebacks

pytestmark = pytest.mark.django_db

RESULT = "00000000-0000-0000-0000-000000000000"
PUBLIC_URLS = [
    "/",
    "/roles/",
    f"/roles/{ARCHITECT}/",
    "/compare/",
    f"/compare/{PAIR}-vs-{ARCHITECT}/",
    "/tools/",
    "/salaries/",
    "/faq/",
    "/search/",
    "/sources/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/assessment/",
    "/assessment/methodology/",
    f"/assessment/results/{RESULT}/",
    f"/assessment/results/{RESULT}.json",
    f"/assessment/results/{RESULT}/delete/",
]
# Every parameter a view reads, and some none reads.
PARAMETERS = ["role", "category", "q", "page", "utm_source"]
UTF7 = "text/plain; charset=utf-7"
HOSTILE_SEGMENTS = ["%00", "%FF%FE", "%C0%AF", "x" * 2000, "%27%20OR%201%3D1--", "%E2%80%AE"]


@pytest.fixture
def live_settings(seeded, settings):
    # As in production: the page cache on, so its keys see the hostile values too.
    settings.PAGE_CACHE_ENABLED = True
    settings.DEBUG = False


def assert_handled(response, url: str) -> None:
    assert response.status_code < 500, url
    assert response.status_code in (200, 301, 302, 303) or 400 <= response.status_code < 500


@pytest.mark.parametrize("path", PUBLIC_URLS)
def test_every_parameter_with_every_hostile_value_is_handled(client, live_settings, path):
    for name in PARAMETERS:
        for query in hostile_queries(name):
            url = f"{path}?{query}"
            assert_handled(client.get(url), url)


@pytest.mark.parametrize(
    "template",
    [
        "/roles/{}/",
        "/faq/{}/",
        "/compare/{}-vs-ai-architect/",
        f"/compare/{PAIR}-vs-{{}}/",
        "/assessment/results/{}/",
        "/assessment/results/{}.json",
        "/{}",
        "/static/{}",
    ],
)
def test_hostile_path_segments_are_a_404(client, live_settings, template):
    for segment in HOSTILE_SEGMENTS:
        url = template.format(segment)
        response = client.get(url)
        assert response.status_code in (400, 404), url


def test_a_nul_byte_in_a_filter_is_a_400_page_not_a_database_error(client, live_settings):
    for url in ["/tools/?role=%00", "/tools/?category=%00", "/search/?q=%00"]:
        response = client.get(url)
        assert response.status_code == 400
        assert b"We could not read that request" in response.content


def test_a_refused_query_string_is_one_log_line_without_a_traceback(client, live_settings):
    # UTF-7 (a charset a client may name) decodes "+2AA-" to a lone surrogate.
    for url, content_type in [("/tools/?role=%00", None), ("/faq/?q=+2AA-", UTF7)]:
        extra = {"CONTENT_TYPE": content_type} if content_type else {}
        with logged_lines() as lines:
            assert client.get(url, **extra).status_code == 400
        assert len(lines) == 1, lines
        assert not tracebacks(lines)


def test_hostile_posts_to_the_result_links_are_handled(client, live_settings):
    for query in hostile_queries("fits_me"):
        for action in ("feedback", "delete"):
            url = f"/assessment/results/{RESULT}/{action}/"
            response = client.post(url, query, content_type="application/x-www-form-urlencoded")
            assert_handled(response, url)
