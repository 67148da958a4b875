"""Redis stopped under traffic to two instances, then started again: no response is a 5xx,
/healthz stays 200 and says the cache is degraded, and an edit committed during the outage
shows on both instances afterwards (docs/operations.md)."""

import http.cookiejar
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from itertools import cycle

import psycopg
import pytest

from tests.helpers import csrf_token_in
from tests.serving import collect_static, current_database_url, gunicorn, poll

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/",
    "/roles/ai-architect/",
    "/assessment/",
    "/assessment/methodology/",
    "/faq/",
    "/healthz",
]
# Standard workers, as deployed behind nginx (the listener thread needs real threads).
SYNC_WORKERS = "--worker-class sync"


class Traffic:
    """Visitors requesting pages (and submitting the form) on every instance until told to
    stop; every status is counted, with /healthz's bodies."""

    def __init__(self, sites: list[str], visitors: int = 4):
        self.sites = sites
        self.statuses: Counter = Counter()
        self.health: Counter = Counter()
        self.done = threading.Event()
        self.threads = [threading.Thread(target=self.visit, args=(n,)) for n in range(visitors)]

    def responses(self) -> int:
        return sum(self.statuses.values())

    def visit(self, number: int) -> None:
        client = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        for step, path in enumerate(cycle(PAGES)):
            if self.done.is_set():
                return
            site = self.sites[(number + step) % len(self.sites)]
            status, body = fetch(client, site + path)
            self.statuses[status] += 1
            if path == "/healthz":
                self.health[(status, body.splitlines()[-1] if body else "")] += 1
            if path == "/assessment/" and status == 200:
                token = {"csrfmiddlewaretoken": csrf_token_in(body)}
                self.statuses[fetch(client, site + path, token)[0]] += 1  # 400: no answers

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.done.set()
        for thread in self.threads:
            thread.join()

    def run_for(self, responses: int) -> None:
        target = self.responses() + responses
        poll(lambda: self.responses() >= target, timeout=60, message=f"{responses} responses")


def fetch(client, url: str, data: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with client.open(urllib.request.Request(url, data=body), timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def edit_role_tagline(tagline: str) -> None:
    with psycopg.connect(current_database_url(), autocommit=True) as editor:
        editor.execute(
            "UPDATE careers_role SET tagline = %s WHERE slug = 'ai-architect'", [tagline]
        )


def test_redis_stopped_under_traffic_costs_no_5xx_and_loses_no_edit(redis_server, seeded):
    collect_static()
    shared = {
        "REDIS_URL": redis_server.url(2),
        "GUNICORN_CMD_ARGS": SYNC_WORKERS,
        "ASSESSMENT_RATE_LIMIT_PER_MINUTE": "1000",
    }
    database_url = current_database_url()
    with (
        gunicorn(database_url, workers=2, **shared) as first,
        gunicorn(database_url, workers=2, **shared) as second,
    ):
        with Traffic([first, second]) as traffic:
            traffic.run_for(100)
            redis_server.stop()
            traffic.run_for(150)
            edit_role_tagline("Edited while Redis was down")
            traffic.run_for(150)
            redis_server.start()
            traffic.run_for(200)
        for site in (first, second):
            for _ in range(4):  # both workers of each instance
                status, html = fetch(urllib.request.build_opener(), site + PAGES[1])
                assert status == 200
                assert "Edited while Redis was down" in html

    assert not [status for status in traffic.statuses if status >= 500], traffic.statuses
    assert traffic.health[(200, "cache: degraded (unavailable: pages render uncached)")] > 0
    assert traffic.health[(200, "ok")] > 0
    assert set(traffic.health) <= {
        (200, "ok"),
        (200, "cache: degraded (unavailable: pages render uncached)"),
    }
