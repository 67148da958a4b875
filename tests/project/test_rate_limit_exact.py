"""The rate limit counts exactly under concurrency, on the database cache and on Redis,
says what is left of the window, and keeps the visitor's answers."""

import threading

import pytest
from django.core.cache import cache
from django.db import connection

from careers.models import AssessmentResult, Question
from rolefit.ratelimit import count_request, seconds_left_in_window
from rolefit.settings import redis_cache
from tests.helpers import ARCHITECT, PAIR, leaning_answers

PARALLEL = 50


def counts_in_parallel(scope: str) -> list[int]:
    counts, start = [], threading.Barrier(PARALLEL)

    def one():
        start.wait()
        try:
            counts.append(count_request(scope=scope, client="192.0.2.7", now=1_000_000_000))
        finally:
            connection.close()

    threads = [threading.Thread(target=one) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return sorted(counts)


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_are_counted_exactly_on_the_database_cache():
    cache.clear()
    assert counts_in_parallel("db-test") == list(range(1, PARALLEL + 1))


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_are_counted_exactly_on_redis(settings, redis_server):
    settings.CACHES = {"default": redis_cache(redis_server.url())}
    assert counts_in_parallel("redis-test") == list(range(1, PARALLEL + 1))


def test_retry_after_is_what_is_left_of_the_minute():
    assert seconds_left_in_window(now=1_000_000_000 * 60 + 0.5) == 60
    assert seconds_left_in_window(now=1_000_000_000 * 60 + 45.2) == 15
    assert seconds_left_in_window(now=1_000_000_000 * 60 + 59.9) == 1


@pytest.fixture
def questions(seeded):
    cache.clear()
    return list(Question.objects.active().select_related("leans_toward", "factor"))


@pytest.mark.django_db
def test_the_429_page_shows_the_form_again_with_the_answers_given(client, questions, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 1
    answers = leaning_answers(questions, PAIR)
    assert client.post("/assessment/", answers).status_code == 303
    refused = client.post("/assessment/", answers)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    html = refused.content.decode()
    assert "Too many submissions" in html
    assert "Your answers are kept below" in html
    first = questions[0]
    checked = f'name="{first.slug}" value="{answers[first.slug]}"'
    assert checked in html and "checked" in html.split(checked, 1)[1][:200]
    assert AssessmentResult.objects.count() == 1


@pytest.mark.django_db
def test_feedback_and_delete_posts_are_rate_limited_together(client, questions, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    settings.RESULT_LINK_RATE_LIMIT_PER_MINUTE = 3
    client.post("/assessment/", leaning_answers(questions, PAIR))
    result = AssessmentResult.objects.get()
    feedback = f"{result.get_absolute_url()}feedback/"
    assert client.post(feedback, {"fits_me": "yes"}).status_code == 303
    assert client.post(feedback, {"fits_me": "no"}).status_code == 303
    assert client.post(f"{result.get_absolute_url()}delete/").status_code == 303
    assert client.post(feedback, {"fits_me": "yes"}).status_code == 429
    assert AssessmentResult.objects.count() == 0  # the delete went through, once


@pytest.mark.django_db
def test_changed_feedback_counts_once_per_result(client, questions, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    changed, answered_once, silent = (
        client.post("/assessment/", leaning_answers(questions, role))["Location"]
        for role in (PAIR, ARCHITECT, PAIR)
    )
    for answer in ("yes", "no", "yes", "no"):
        assert client.post(f"{changed}feedback/", {"fits_me": answer}).status_code == 303
    assert client.post(f"{answered_once}feedback/", {"fits_me": "yes"}).status_code == 303
    feedback = {
        result.get_absolute_url(): result.fits_me for result in AssessmentResult.objects.all()
    }
    # Each result keeps its own last answer; the one nobody answered has none.
    assert feedback == {changed: False, answered_once: True, silent: None}
