"""Two instances as `make serve` starts them, sharing one PostgreSQL and one Redis.

An admin edit through one shows on the other's next response; the assessment rate limit
and the admin sign-in lockout count requests to both together. The Redis is the test
session's own (tests/redis_server.py): without redis-server it is skipped, in CI it fails.
"""

import http.cookiejar
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import global_settings
from django.core.management import call_command

from rolefit.ratelimit import seconds_left_in_window
from tests.helpers import admin_edit_role_summary, csrf_token_in
from tests.serving import collect_static, current_database_url, gunicorn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLE_PAGE = "/roles/ai-architect/"
RATE_LIMIT = 4


@pytest.fixture
def two_instances(django_user_model, settings, redis_server):
    call_command("seed_content", verbosity=0)
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # as the servers verify
    django_user_model.objects.create_superuser("editor", password="a long good password 1")
    collect_static()
    shared = {
        "REDIS_URL": redis_server.url(),
        "ASSESSMENT_RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT),
    }
    database_url = current_database_url()
    with gunicorn(database_url, **shared) as first, gunicorn(database_url, **shared) as second:
        yield first, second


def opener():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
    )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def request(client, url: str, data: dict | None = None) -> tuple[int, str, dict]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with client.open(urllib.request.Request(url, data=body), timeout=20) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_an_admin_edit_through_one_shows_on_the_others_next_response(two_instances, page):
    editor_site, visitor_site = two_instances
    visitor = opener()
    request(visitor, visitor_site + ROLE_PAGE)
    _, before, headers = request(visitor, visitor_site + ROLE_PAGE)
    assert headers.get("X-Page-Cache") == "hit"
    assert "Shared through Redis" not in before

    admin_edit_role_summary(page, editor_site, "Shared through Redis: one save, every instance.")

    _, after, headers = request(visitor, visitor_site + ROLE_PAGE)
    assert "Shared through Redis: one save, every instance." in after
    assert headers.get("X-Page-Cache") != "hit"


def test_the_rate_limit_counts_submissions_to_both_instances(two_instances):
    first, second = two_instances
    if seconds_left_in_window() < 15:  # keep every submission in one window
        time.sleep(seconds_left_in_window() + 0.5)
    client = opener()
    token = csrf_token_in(request(client, first + "/assessment/")[1])
    statuses = [
        request(client, site + "/assessment/", {"csrfmiddlewaretoken": token})[0]
        for site in [first, second] * (RATE_LIMIT // 2)
    ]
    assert 429 not in statuses  # incomplete answers: 400 each, every one counted
    assert request(client, first + "/assessment/", {"csrfmiddlewaretoken": token})[0] == 429
    assert request(client, second + "/assessment/", {"csrfmiddlewaretoken": token})[0] == 429


def test_the_admin_lockout_counts_failures_on_both_instances(two_instances):
    first, second = two_instances
    client = opener()
    for attempt in range(5):
        site = (first, second)[attempt % 2]
        token = csrf_token_in(request(client, site + "/admin/login/")[1])
        wrong = {"username": "editor", "password": "wrong", "csrfmiddlewaretoken": token}
        request(client, site + "/admin/login/?next=/admin/", wrong)
    for site in (first, second):
        token = csrf_token_in(request(client, site + "/admin/login/")[1])
        right = {
            "username": "editor",
            "password": "a long good password 1",
            "csrfmiddlewaretoken": token,
        }
        status, html, _ = request(client, site + "/admin/login/?next=/admin/", right)
        assert status != 302  # not signed in, though the password is right
        assert "This account has been locked" in html
