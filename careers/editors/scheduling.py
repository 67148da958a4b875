"""Scheduled drafts go live on their own: the first request after their time publishes
them. Nothing extra runs or needs scheduling, under `make run`, `make serve` or the image.

Cheap when nothing is due: each worker asks the database for the next publishing time
at most every `RECHECK_SECONDS` (and at once after a draft is saved in this process);
in between, a request costs one clock reading. A draft scheduled in another worker is
seen within `RECHECK_SECONDS`, well inside the minute an editor is promised.
"""

import logging
import threading
import time

from django.db import DatabaseError
from django.utils import timezone

from careers.editors.drafts import next_publish_at, publish_due_drafts
from rolefit.caching import first_query_checks_connection

logger = logging.getLogger("rolefit")

RECHECK_SECONDS = 20


class PublishingSchedule:
    """This worker's idea of the next publishing time, and when to ask again."""

    def __init__(self):
        self.next_due = None
        self.recheck_at = 0.0
        self.lock = threading.Lock()

    def forget(self, **kwargs) -> None:
        self.recheck_at = 0.0

    def publish_if_due(self) -> int:
        if time.monotonic() >= self.recheck_at:
            self.next_due = first_query_checks_connection(next_publish_at)
            self.recheck_at = time.monotonic() + RECHECK_SECONDS
        if self.next_due is None or self.next_due > timezone.now():
            return 0
        if not self.lock.acquire(blocking=False):
            return 0  # a request of this worker is publishing them now
        try:
            published = publish_due_drafts()
            self.forget()
            return published
        finally:
            self.lock.release()


SCHEDULE = PublishingSchedule()


class ScheduledPublishingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            SCHEDULE.publish_if_due()
        except DatabaseError:  # the page may still come from the cache; the next one retries
            logger.warning("scheduled publishing unavailable", exc_info=True)
        return self.get_response(request)
