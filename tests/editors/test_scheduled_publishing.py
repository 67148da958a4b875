"""Publishing at a time: the first request after it publishes the draft, once, under an
advisory lock, with no job to run (careers/editors/middleware.py)."""

from datetime import timedelta

import psycopg
import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from careers.editors.drafts import PUBLISHING_LOCK, publish_due_drafts
from careers.editors.middleware import SCHEDULE
from careers.models import Draft, Role
from tests.editors.drafting import DRAFT_STAMP, opened_token, save_draft
from tests.helpers import ARCHITECT
from tests.serving import current_database_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()


def schedule(client, role, at: str, comment: str = "Timed"):
    url = reverse("admin:careers_role_draft", args=[role.pk])
    stamp = DRAFT_STAMP.search(client.get(url).content.decode()).group(1)
    return client.post(
        url, {"_draft_stamp": stamp, "_schedule": "1", "publish_at": at, "comment": comment}
    )


@pytest.fixture
def scheduled(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(client, role, opened_token(client, role), summary="A scheduled summary.")
    soon = (timezone.now() + timedelta(minutes=2)).strftime("%Y-%m-%dT%H:%M")
    assert schedule(client, role, soon).status_code == 302
    return role, Draft.objects.get()


def test_a_scheduled_draft_waits_for_its_time(scheduled):
    role, draft = scheduled
    assert draft.publish_at is not None
    page = Client().get(role.get_absolute_url()).content.decode()
    assert "A scheduled summary." not in page
    role.refresh_from_db()
    assert role.summary != "A scheduled summary."


def test_once_its_time_has_come_the_next_request_publishes_it(
    ada, scheduled, django_capture_on_commit_callbacks
):
    user, _ = ada
    role, draft = scheduled
    visitor = Client()
    visitor.get(role.get_absolute_url())  # cached as published
    draft.publish_at = timezone.now() - timedelta(seconds=1)  # the clock moves on
    draft.save()
    # In the test's transaction the publish "commits" (moving the content version) once
    # the request is over; in production it commits before the page cache is asked.
    with django_capture_on_commit_callbacks(execute=True):
        visitor.get(role.get_absolute_url())
    assert not Draft.objects.exists()
    page = visitor.get(role.get_absolute_url()).content.decode()
    assert "A scheduled summary." in page
    revision = Version.objects.get_for_object(role).order_by("-pk").first().revision
    assert revision.user == user  # who scheduled it
    assert revision.get_comment().startswith("Published: as scheduled for ")
    assert revision.get_comment().endswith("Timed")


def test_nothing_due_costs_no_query_between_rechecks(scheduled, django_assert_num_queries):
    SCHEDULE.publish_if_due()  # looked at the schedule just now
    with django_assert_num_queries(0):
        assert SCHEDULE.publish_if_due() == 0


def test_only_the_worker_holding_the_lock_publishes(scheduled):
    role, draft = scheduled
    Draft.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    other = psycopg.connect(current_database_url(), autocommit=True)  # another worker
    try:
        other.execute("SELECT pg_advisory_lock(%s)", [PUBLISHING_LOCK])
        assert publish_due_drafts() == 0
        assert Draft.objects.exists()
        other.execute("SELECT pg_advisory_unlock(%s)", [PUBLISHING_LOCK])
        assert publish_due_drafts() == 1
    finally:
        other.close()
    role.refresh_from_db()
    assert role.summary == "A scheduled summary."


def test_a_scheduled_draft_that_can_no_longer_go_live_says_why(scheduled):
    role, draft = scheduled
    Role.objects.filter(pk=role.pk).update(tagline="Changed by a script meanwhile.")
    Draft.objects.filter(pk=draft.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    assert publish_due_drafts() == 0
    draft.refresh_from_db()
    assert draft.publish_at is None
    assert "Not published at" in draft.problem and "after you opened it" in draft.problem
    role.refresh_from_db()
    assert role.summary != "A scheduled summary."


def test_cancelling_the_schedule_keeps_the_draft(ada, scheduled):
    _, client = ada
    role, draft = scheduled
    url = reverse("admin:careers_role_draft", args=[role.pk])
    client.post(url, {"_draft_stamp": draft.stamp, "_unschedule": "1"})
    draft.refresh_from_db()
    assert draft.publish_at is None
