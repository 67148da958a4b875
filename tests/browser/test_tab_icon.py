"""Every page has a tab icon: no 404 and no console error in Chromium, on any page."""

import urllib.request

import pytest

from tests.browser.test_pages_browser import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Pages that answer 404 on purpose: their own document is the only 404 allowed.
NOT_FOUND_ON_PURPOSE = {"tools-unknown-filter", "not-found"}


def test_no_page_logs_a_console_error_or_gets_a_404(live_server, browser):
    problems, opened = [], []
    # One profile for every page: a file it has cached was a 200 on an earlier page, and
    # fetching the same stylesheets again for each page only made the test slow.
    context = browser.new_context()
    for name, path in {**PAGES, "admin-login": "/admin/login/"}.items():
        page = context.new_page()
        url = live_server.url + path
        page.on(
            "console",
            lambda m, n=name: (
                m.type == "error"
                # The document's own 404 is logged on the pages that are 404 on purpose.
                and not (n in NOT_FOUND_ON_PURPOSE and "status of 404" in m.text)
                and problems.append((n, m.text))
            ),
        )
        page.on(
            "response",
            lambda r, n=name, u=url: (
                r.status == 404
                and not (n in NOT_FOUND_ON_PURPOSE and r.url == u)
                and problems.append((n, f"404 {r.url}"))
            ),
        )
        page.goto(url)
        opened.append(page)
    for page in opened:  # the pages' quiet half-seconds overlap
        page.wait_for_load_state("networkidle")
    context.close()
    assert not problems, problems


def test_the_icons_are_served_with_long_cache_headers(live_server):
    with urllib.request.urlopen(live_server.url + "/favicon.ico", timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Type"] in ("image/x-icon", "image/vnd.microsoft.icon")
        assert "max-age=604800" in response.headers["Cache-Control"]
    html = urllib.request.urlopen(live_server.url + "/", timeout=10).read().decode()
    for needle in ['rel="icon"', "icon.svg", 'rel="apple-touch-icon"', 'rel="manifest"']:
        assert needle in html
