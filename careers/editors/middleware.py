"""What drafts do on the public site: staff preview a draft on its real page, and scheduled
drafts go live on the first request after their time. Both run on every request, so both
cost a visitor next to nothing (docs/performance.md).
"""

import logging
import threading
import time

from django.contrib import admin
from django.contrib.admin.utils import quote
from django.contrib.auth import get_permission_codename
from django.db import DatabaseError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from careers.editors.drafts import (
    DraftInvalid,
    draft_apply,
    next_publish_at,
    publish_due_drafts,
    rolled_back,
)
from careers.editors.models import Draft
from rolefit.caching import PRIVATE_CACHE_CONTROL, first_query_checks_connection, private_rendering

# --- Preview ------------------------------------------------------------------------------
# A draft on the real public page, for staff only: `?preview=<draft id>` on any page.
#
# The draft is applied inside a transaction that is rolled back once the page is drawn,
# so the page's own views and templates show it exactly as publishing would. No cache
# sees it: memos compute afresh (`private_rendering`) and the response is marked
# `private, no-store`, which the page cache never keeps. Anyone else gets the page as
# published: to a visitor the parameter means nothing.
PREVIEW_PARAMETER = "preview"


def may_preview(user, draft: Draft) -> bool:
    opts = draft.model._meta
    return user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}")


def preview_url(draft: Draft) -> str:
    """The public page that shows the draft's row (the admin's "view on site" page, else
    the row's own, else the home page), with the preview asked for."""
    obj = draft.live_object()
    on_site = getattr(admin.site._registry.get(draft.model), "view_on_site", None)
    if callable(on_site):
        page = on_site(obj)
    elif hasattr(obj, "get_absolute_url"):
        page = obj.get_absolute_url()
    else:
        page = "/"
    return f"{page}?{PREVIEW_PARAMETER}={draft.pk}"


class PreviewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if f"{PREVIEW_PARAMETER}=" not in request.META.get("QUERY_STRING", ""):
            return self.get_response(request)  # nearly every request: no query parsed
        asked = request.GET.get(PREVIEW_PARAMETER)
        if asked is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        user = request.user
        if not (user.is_active and user.is_staff):
            return self.get_response(request)  # a visitor: the published page
        draft = Draft.objects.filter(pk=asked).first() if asked.isdigit() else None
        with private_rendering():
            response = self.preview(request, draft)
        response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        return response

    def preview(self, request, draft: Draft | None):
        if draft is None or not may_preview(request.user, draft):
            return self.problem(
                request,
                None,
                "This draft no longer exists: it has been published or discarded.",
                status=404,
            )
        try:
            with rolled_back():
                draft_apply(draft, request.user)
                request.preview_draft = draft
                response = self.get_response(request)
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                return response
        except DraftInvalid as error:
            return self.problem(request, draft, str(error), status=409)

    def problem(self, request, draft, message: str, *, status: int):
        context = {"draft": draft, "message": message}
        response = TemplateResponse(request, "editors/preview_problem.html", context, status=status)
        return response.render()


def draft_admin_url(draft: Draft) -> str:
    opts = draft.model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_draft", args=[quote(draft.object_id)])


def preview_banner(request) -> dict:
    """Template context: the draft this page previews, if any (the banner reads it)."""
    draft = getattr(request, "preview_draft", None)
    if draft is None:
        return {}
    return {"preview_draft": draft, "preview_draft_url": draft_admin_url(draft)}


# --- Scheduled publishing -----------------------------------------------------------------
# Scheduled drafts go live on their own: the first request after their time publishes
# them. Nothing extra runs or needs scheduling, under `make run`, `make serve` or the image.
#
# Cheap when nothing is due: each worker asks the database for the next publishing time
# at most every `RECHECK_SECONDS` (and at once after a draft is saved in this process);
# in between, a request costs one clock reading. A draft scheduled in another worker is
# seen within `RECHECK_SECONDS`, well inside the minute an editor is promised.
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
