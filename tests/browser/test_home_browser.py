import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_home_page_renders_and_has_no_accessibility_violations(
    live_server, page, assert_accessible, screenshot
):
    page.goto(live_server.url + "/")
    assert "fits you" in page.locator("h1").inner_text()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to content"
    assert_accessible(page)
    screenshot(page, "home")
