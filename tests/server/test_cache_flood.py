"""Nobody outside can fill the page cache: junk hosts and parameters are served uncached."""

import http.client
import random
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

# The tests talk to the server only; the mark gives the module's server a test database.
pytestmark = pytest.mark.django_db

# Each request differs from every other, so a single junk page cached would leave a key:
# a few hundred show it as surely as the cache's 5,000-entry limit would.
JUNK_REQUESTS = 400
CACHED_PAGES = ["/", "/roles/", "/tools/?role=ai-architect"]


def junk_paths(number: int) -> tuple[str, str]:
    """The (Host, path) of the number-th junk request: a new port, value or parameter."""
    host = f"localhost:{random.randint(1, 99_999_999_999)}"
    path = random.choice(
        [
            f"/roles/?role=junk{number}",
            f"/tools/?role=junk{number}",
            f"/tools/?category=junk{number}",
            f"/roles/?utm_source={number}",
            f"/faq/?page={number}",
            "/tools/?role=ai-architect&role=ai-architect",
            f"/tools/?role=ai-architect&x={number}",
        ]
    )
    return host, path


def send_junk(site: str, numbers: range) -> None:
    address = site.removeprefix("http://")
    conn = http.client.HTTPConnection(address, timeout=30)
    for number in numbers:
        host, path = junk_paths(number)
        conn.request("GET", path, headers={"Host": host})
        conn.getresponse().read()
    conn.close()


def cache_state(site: str, path: str) -> str:
    conn = http.client.HTTPConnection(site.removeprefix("http://"), timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.status == 200
    return response.headers.get("X-Page-Cache", "miss")


def cache_keys(django_db_blocker) -> list[str]:
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM rolefit_cache")
        return [row[0] for row in cursor.fetchall()]


def test_junk_hosts_and_parameters_leave_cached_pages_hit_and_no_junk(site, django_db_blocker):
    for path in CACHED_PAGES:
        cache_state(site, path)
    assert all(cache_state(site, path) == "hit" for path in CACHED_PAGES)
    before = set(cache_keys(django_db_blocker))

    workers = 8
    share = JUNK_REQUESTS // workers
    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(lambda i: send_junk(site, range(i * share, (i + 1) * share)), range(workers)))

    assert all(cache_state(site, path) == "hit" for path in CACHED_PAGES)
    assert set(cache_keys(django_db_blocker)) == before  # nothing junk made was stored


def test_canonical_links_name_the_configured_host_whatever_the_port(site):
    conn = http.client.HTTPConnection(site.removeprefix("http://"), timeout=30)
    conn.request("GET", "/roles/", headers={"Host": "localhost:99999999999"})
    html = conn.getresponse().read().decode()
    conn.close()
    assert '<link rel="canonical" href="http://localhost/roles/">' in html
    assert '<meta property="og:url" content="http://localhost/roles/">' in html
    assert "99999999999" not in html
