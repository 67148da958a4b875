import pytest
from django.core.cache import cache
from django.test import Client

from careers.models import AssessmentResult

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_counters():
    cache.clear()


def submit(client: Client, address: str = "192.0.2.44"):
    return client.post("/assessment/", {"nothing": "answered"}, REMOTE_ADDR=address)


def test_the_default_limit_is_generous(settings):
    assert settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE == 30


def test_submissions_past_the_limit_get_a_readable_429(client, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 3
    for _ in range(3):
        assert submit(client).status_code in (200, 400)  # served, not refused
    refused = submit(client)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert b"Too many submissions" in refused.content
    assert AssessmentResult.objects.count() == 0


def test_the_limit_is_per_client_address(client, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 2
    for _ in range(3):
        submit(client, "192.0.2.1")
    assert submit(client, "192.0.2.1").status_code == 429
    assert submit(client, "192.0.2.2").status_code in (200, 400)


def test_reading_the_form_is_never_limited(client, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 1
    for _ in range(5):
        assert client.get("/assessment/", REMOTE_ADDR="192.0.2.9").status_code == 200


def test_behind_a_proxy_the_forwarded_address_counts(client, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 1
    settings.PROXY_COUNT = 1
    headers = {"x-forwarded-for": "203.0.113.5"}
    client.post("/assessment/", {}, REMOTE_ADDR="10.0.0.1", headers=headers)
    assert (
        client.post("/assessment/", {}, REMOTE_ADDR="10.0.0.1", headers=headers).status_code == 429
    )
    other = {"x-forwarded-for": "203.0.113.6"}
    assert client.post("/assessment/", {}, REMOTE_ADDR="10.0.0.1", headers=other).status_code != 429
