"""`private_rendering`: what a staff preview draws is kept by no memo and no page cache."""

import pytest
from django.http import HttpResponse

from rolefit.caching import PRIVATE_CACHE_CONTROL, VersionedMemo, private_rendering
from rolefit.caching.pages import PageCacheMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_a_memo_neither_reads_nor_keeps_values_inside_a_private_rendering():
    memo = VersionedMemo(capacity=4)
    assert memo.get_or_compute("page", lambda: "published") == "published"
    with private_rendering():
        assert memo.get_or_compute("page", lambda: "draft") == "draft"
        assert memo.get_or_compute("other", lambda: "draft") == "draft"
    assert memo.get_or_compute("page", lambda: "recomputed") == "published"
    assert memo.get_or_compute("other", lambda: "published") == "published"


def test_the_page_cache_never_stores_a_private_response(rf):
    middleware = PageCacheMiddleware(lambda request: HttpResponse("page"))
    request = rf.get("/")
    private = HttpResponse("draft")
    private["Cache-Control"] = PRIVATE_CACHE_CONTROL
    assert not middleware.should_store(request, private, frozenset())
    assert middleware.should_store(request, HttpResponse("published"), frozenset())
