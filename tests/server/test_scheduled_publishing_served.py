"""A scheduled draft goes live under the real gunicorn (two gevent workers, the page
cache on) with nothing else running: a request after its time publishes it, and every
worker's next page shows it."""

import urllib.request
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.utils import timezone
from reversion.models import Version

from careers.editors.drafts import draft_save, draft_schedule, editing_token
from careers.editors.middleware import RECHECK_SECONDS
from careers.models import Draft, Role
from tests.helpers import ARCHITECT
from tests.serving import poll
from tests.test_admin import role_form_data

SCHEDULED = "Published on its own by the served site."


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def as_posted(data: dict) -> QueryDict:
    posted = QueryDict(mutable=True)
    for name, value in data.items():
        posted[name] = str(value)
    return posted


def test_a_due_draft_goes_live_on_the_next_requests(site, django_db_blocker):
    with django_db_blocker.unblock():
        role = Role.objects.get(slug=ARCHITECT)
        page = site + role.get_absolute_url()
        assert SCHEDULED not in fetch(page)  # now in the page cache
        editor = get_user_model().objects.create_superuser("scheduler", "s@example.com", "x")
        posted = as_posted(role_form_data(role, summary=SCHEDULED))
        draft = draft_save(role, posted=posted, user=editor, base_token=str(editing_token(role)))
        due = timezone.now() - timedelta(seconds=1)  # its time has just come
        draft_schedule(draft, publish_at=due, user=editor, comment="served")

    # Each worker looks at the schedule at least every RECHECK_SECONDS.
    poll(lambda: SCHEDULED in fetch(page), timeout=RECHECK_SECONDS + 20, interval=0.5)
    assert all(SCHEDULED in fetch(page) for _ in range(8))  # whichever worker answers

    with django_db_blocker.unblock():
        assert not Draft.objects.exists()
        role.refresh_from_db()
        assert role.summary == SCHEDULED
        revision = Version.objects.get_for_object(role).order_by("-pk").first().revision
        assert revision.user == editor
        assert revision.get_comment().endswith("served")
