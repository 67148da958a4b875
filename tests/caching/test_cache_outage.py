"""The shared cache is never a single point of failure (rolefit/caching/shared_cache.py):
with Redis or the database's cache table unavailable, every page renders uncached, the
rate limit lets requests through with one log line, /healthz stays 200 and says the cache
is degraded, and an edit made meanwhile is neither lost nor hidden by a stale page when
the cache comes back with its data."""

import json

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from careers.models import Question, Role
from rolefit.caching.shared_cache import SHARED_CACHE
from rolefit.settings import redis_cache
from tests.helpers import ARCHITECT, leaning_answers, logged_lines
from tests.serving import poll
from tests.test_admin import role_form_data
from tests.test_escaping import public_pages

# Committed requests: a failed query on the database cache must not poison a test's
# transaction where production runs in autocommit.
pytestmark = pytest.mark.django_db(transaction=True)

ROLE_PAGE = "/roles/ai-architect/"
OUTAGE_WARNING = "shared cache unavailable"


class Outage:
    active = False

    def begin(self):
        self.active = True
        self.cut()

    def end(self):
        self.restore()
        self.active = False


class RedisOutage(Outage):
    """Redis frozen (clients time out), its data kept for when it comes back."""

    def __init__(self, server, settings):
        settings.CACHES = {"default": redis_cache(server.url(1))}
        self.server = server

    def cut(self):
        self.server.pause()

    def restore(self):
        self.server.resume()


class DatabaseCacheOutage(Outage):
    """The database's cache table out of reach (renamed away), its rows kept."""

    def cut(self):
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE rolefit_cache RENAME TO rolefit_cache_away")

    def restore(self):
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE rolefit_cache_away RENAME TO rolefit_cache")


@pytest.fixture(params=["redis", "database cache"])
def outage(request, settings, seeded, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 2
    settings.RESULT_LINK_RATE_LIMIT_PER_MINUTE = 2
    monkeypatch.setattr(SHARED_CACHE, "unavailable", False)
    monkeypatch.setattr(SHARED_CACHE, "next_try", 0.0)
    if request.param == "redis":
        cause = RedisOutage(request.getfixturevalue("redis_server"), settings)
    else:
        cause = DatabaseCacheOutage()
    from django.core.cache import cache

    cache.clear()
    yield cause
    if cause.active:  # the test failed midway
        cause.end()


def warnings_about_the_cache(lines: list[str]) -> list[str]:
    return [line for line in lines if OUTAGE_WARNING in json.loads(line)["message"]]


def test_every_page_answers_while_the_cache_is_down(outage, client):
    outage.begin()
    with logged_lines() as lines:
        questions = Question.objects.active().select_related("leans_toward")
        answers = leaning_answers(questions, ARCHITECT)
        submitted = [client.post("/assessment/", answers) for _ in range(4)]
        result = submitted[0]["Location"]
        feedback = [
            client.post(f"{result}feedback/", {"fits_me": "yes"}).status_code for _ in range(4)
        ]
        statuses = {page: client.get(page).status_code for page in public_pages(client)}
        statuses["/assessment/"] = client.get("/assessment/").status_code
        health = client.get("/healthz")
    outage.end()

    assert [response.status_code for response in submitted] == [303] * 4  # limit of 2: open
    assert feedback == [303] * 4
    assert {page: status for page, status in statuses.items() if status != 200} == {}
    assert "/assessment/methodology/" in statuses
    assert health.status_code == 200
    assert health.content.decode().splitlines() == [
        "ok",
        "cache: degraded (unavailable: pages render uncached)",
    ]
    assert len(warnings_about_the_cache(lines)) == 1
    assert not any("traceback" in json.loads(line) for line in lines)


def test_the_cache_comes_back_by_itself_and_the_limit_counts_again(outage, client):
    outage.begin()
    assert client.get(ROLE_PAGE).status_code == 200
    outage.end()
    poll(lambda: client.get("/healthz").content == b"ok", timeout=5, message="cache back")
    Client().get(ROLE_PAGE)  # stored in the shared cache again...
    assert Client().get(ROLE_PAGE)["X-Page-Cache"] == "hit"  # ...and served from it
    questions = Question.objects.active().select_related("leans_toward")
    answers = leaning_answers(questions, ARCHITECT)
    statuses = [client.post("/assessment/", answers).status_code for _ in range(3)]
    assert statuses == [303, 303, 429]


def test_an_edit_during_a_cache_outage_is_kept_and_shown_when_it_returns(
    outage, admin_client, client
):
    client.get(ROLE_PAGE)
    assert client.get(ROLE_PAGE)["X-Page-Cache"] == "hit"  # the shared cache holds the page
    outage.begin()
    role = Role.objects.get(slug="ai-architect")
    data = role_form_data(role, summary="Edited while the cache was down.")
    saved = admin_client.post(reverse("admin:careers_role_change", args=[role.pk]), data)
    assert saved.status_code == 302
    assert b"Edited while the cache was down." in client.get(ROLE_PAGE).content
    outage.end()  # back with the page it stored before the edit
    role.refresh_from_db()
    assert role.summary == "Edited while the cache was down."
    another_worker = Client()  # nothing in memory: what the shared cache kept, if anything
    for _ in range(3):
        assert b"Edited while the cache was down." in another_worker.get(ROLE_PAGE).content
