import re

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from careers.models import Role, Tool
from rolefit.settings import redis_cache
from tests.helpers import csrf_token_in

pytestmark = pytest.mark.django_db

ROLE_PAGE = "/roles/ai-architect/"
CONTENT_PAGES = [
    "/",
    "/roles/",
    ROLE_PAGE,
    "/compare/ai-pair-programmer-vs-ai-architect/",
    "/tools/?role=ai-architect",
    "/salaries/",
    "/faq/",
    "/sources/",
    "/assessment/methodology/",
]


@pytest.fixture(autouse=True)
def page_cache_on(settings, seeded):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_a_cached_page_costs_at_most_one_query(client, django_assert_max_num_queries, path):
    first = client.get(path)
    assert first.status_code == 200
    with django_assert_max_num_queries(1):
        second = client.get(path)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_cached_pages_keep_their_security_headers(client):
    client.get(ROLE_PAGE)
    hit = client.get(ROLE_PAGE)
    assert hit["X-Page-Cache"] == "hit"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["X-Content-Type-Options"] == "nosniff"


def test_an_edit_shows_on_the_very_next_request(client, django_capture_on_commit_callbacks):
    client.get(ROLE_PAGE)
    role = Role.objects.get(slug="ai-architect")
    with django_capture_on_commit_callbacks(execute=True):
        role.summary = "Edited summary: architects now also juggle."
        role.save()
    response = client.get(ROLE_PAGE)
    assert "X-Page-Cache" not in response
    assert b"architects now also juggle" in response.content


def test_a_many_to_many_change_invalidates(client, django_capture_on_commit_callbacks):
    client.get("/tools/?role=ai-architect")
    tool = Tool.objects.filter(roles__slug="ai-pair-programmer").exclude(
        roles__slug="ai-architect"
    )[0]
    with django_capture_on_commit_callbacks(execute=True):
        tool.roles.add(Role.objects.get(slug="ai-architect"))
    response = client.get("/tools/?role=ai-architect")
    assert "X-Page-Cache" not in response
    assert tool.name.encode() in response.content


def test_an_unchanged_page_revalidates_with_304(client):
    first = client.get(ROLE_PAGE)
    etag = first["ETag"]
    assert first["Cache-Control"] == "no-cache"
    revalidated = client.get(ROLE_PAGE, headers={"if-none-match": etag})
    assert revalidated.status_code == 304


def test_the_assessment_form_is_never_shared_between_visitors(client):
    first = client.get("/assessment/")
    second = client.get("/assessment/")
    assert "X-Page-Cache" not in second
    assert b"csrfmiddlewaretoken" in first.content


def test_redis_as_the_shared_cache_invalidates_the_same_way(
    client, django_capture_on_commit_callbacks, redis_server
):
    with override_settings(CACHES={"default": redis_cache(redis_server.url())}):
        client.get(ROLE_PAGE)
        assert client.get(ROLE_PAGE)["X-Page-Cache"] == "hit"
        role = Role.objects.get(slug="ai-architect")
        with django_capture_on_commit_callbacks(execute=True):
            role.tagline = "Tagline edited while Redis caches pages"
            role.save()
        assert b"Tagline edited while Redis" in client.get(ROLE_PAGE).content


def test_a_cache_server_outage_does_not_take_pages_down(client):
    closed_port = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with override_settings(CACHES=closed_port):
        response = client.get(ROLE_PAGE)
    assert response.status_code == 200


def test_search_and_unknown_parameters_are_not_stored(client):
    for _ in range(2):
        search = client.get("/search/?q=architecture")
        junk = client.get("/tools/?utm_source=spam")
    assert "X-Page-Cache" not in search
    assert "X-Page-Cache" not in junk


def test_the_reused_form_carries_each_visitors_own_working_csrf_token(settings):
    from django.test import Client

    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get("/assessment/").content.decode()
    second_page = second.get("/assessment/").content.decode()
    assert csrf_token_in(first_page) != csrf_token_in(second_page)
    assert "csrf-token" not in first_page  # the placeholder never reaches a visitor
    # Each token passes the CSRF check with its own visitor's cookie (an empty POST is a
    # 400 form with errors, not a 403).
    response = first.post("/assessment/", {"csrfmiddlewaretoken": csrf_token_in(first_page)})
    assert response.status_code == 400


def test_an_edited_statement_shows_on_the_form_at_once(client, django_capture_on_commit_callbacks):
    from careers.models import Question

    client.get("/assessment/")
    question = Question.objects.filter(active=True).first()
    with django_capture_on_commit_callbacks(execute=True):
        question.statement = "I edited this statement a moment ago."
        question.save()
    assert b"I edited this statement a moment ago." in client.get("/assessment/").content


def test_a_visitors_own_message_is_never_shown_to_another(client, settings):
    from django.test import Client

    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    Client().get("/assessment/")  # the shared copy of the form exists
    result = stored_result()
    deleted = client.post(f"/assessment/results/{result.pk}/delete/", follow=True)
    assert b"Your result has been deleted" in deleted.content
    assert b"Your result has been deleted" not in Client().get("/assessment/").content
    assert b"Your result has been deleted" not in client.get("/assessment/").content


def stored_result():
    from careers.assessment import services
    from careers.assessment.selectors import assessment_questions

    questions = assessment_questions()
    # A clear pair-programmer result: its page shows that role's next steps.
    answers = {q.slug: 5 if q.leans_toward.slug == "ai-pair-programmer" else 1 for q in questions}
    return services.result_create(answers=answers, questions=questions)


def test_a_warm_result_page_costs_two_queries(client, django_assert_num_queries):
    url = stored_result().get_absolute_url()
    client.get(url)
    with django_assert_num_queries(2):  # the content version, then the result
        assert client.get(url).status_code == 200


def test_an_edited_tool_shows_in_a_results_next_steps_at_once(
    client, django_capture_on_commit_callbacks
):
    url = stored_result().get_absolute_url()
    page = client.get(url).content.decode()
    tool = next(
        t for t in Tool.objects.all() if f"<li>{t.name}:" in page or f">Try {t.name}</a>" in page
    )
    with django_capture_on_commit_callbacks(execute=True):
        tool.name = "A tool renamed a moment ago"
        tool.save()
    assert "A tool renamed a moment ago" in client.get(url).content.decode()


def test_a_warm_assessment_post_costs_three_queries(client, settings, django_assert_num_queries):
    from careers.assessment.selectors import assessment_questions

    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    answers = {q.slug: 4 for q in assessment_questions()}
    client.post("/assessment/", answers)  # the live questionnaire is now stored
    # The content version (once), the stored questionnaire by fingerprint, the INSERT.
    with django_assert_num_queries(3):
        assert client.post("/assessment/", answers).status_code == 303


def test_result_pages_share_rows_yet_each_shows_its_own_figures(client):
    from careers.assessment import services
    from careers.assessment.selectors import assessment_questions

    questions = assessment_questions()
    pages = {}
    # Agreement with the pair programmer's side, the architect's: three different ranges.
    for agree, disagree in ((5, 1), (4, 2), (1, 5)):
        answers = {
            q.slug: agree if q.leans_toward.slug == "ai-pair-programmer" else disagree
            for q in questions
        }
        result = services.result_create(answers=answers, questions=questions)
        pages[agree] = (result, client.get(result.get_absolute_url()).content.decode())
    for result, html in pages.values():
        for role, (low, high) in result.scores["fit_band"].items():
            assert f'x="{low}" y="0" width="{high - low}" height="10"' in html, role
            assert f"{low}%–{high}%" in html, role
    assert len({html for _, html in pages.values()}) == 3


def test_only_views_that_declare_themselves_shared_are_looked_up(client):
    from rolefit.caching.pages import shared_page_parameters

    factory = RequestFactory()
    assert shared_page_parameters(factory.get("/roles/")) == frozenset()
    assert shared_page_parameters(factory.get("/tools/")) == {"role", "category"}
    assert shared_page_parameters(factory.get("/sitemap.xml")) == frozenset()
    for path in ("/search/", "/assessment/", "/healthz", "/admin/", "/no-such-page/"):
        assert shared_page_parameters(factory.get(path)) is None, path


def test_a_view_that_is_not_shared_is_never_stored(client):
    client.get("/search/?q=architecture")
    assert "X-Page-Cache" not in client.get("/search/?q=architecture")
    assert client.get("/roles/")["Cache-Control"] == "no-cache"
    assert client.get("/roles/")["X-Page-Cache"] == "hit"


def canonical_link(response) -> str:
    return re.search(rb'<link rel="canonical" href="([^"]+)"', response.content).group(1).decode()


def test_a_page_served_over_https_is_never_served_to_plain_visitors(client, settings):
    # One request through a trusted TLS proxy stores a page whose links are https://...
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    proxied = {"x-forwarded-proto": "https", "host": "testserver"}
    assert canonical_link(client.get(ROLE_PAGE, headers=proxied)).startswith("https://")
    # ...and a plain visitor then gets http:// links, from a page of their own.
    plain = client.get(ROLE_PAGE, headers={"host": "testserver"})
    assert "X-Page-Cache" not in plain
    assert canonical_link(plain) == "http://testserver/roles/ai-architect/"
    assert b"https://testserver" not in plain.content
    assert client.get(ROLE_PAGE, headers={"host": "testserver"})["X-Page-Cache"] == "hit"
    again = client.get(ROLE_PAGE, headers=proxied)
    assert again["X-Page-Cache"] == "hit"
    assert canonical_link(again) == "https://testserver/roles/ai-architect/"
