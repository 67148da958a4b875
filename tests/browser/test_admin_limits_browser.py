"""The admin in Chromium: an impossible username gets the login page with its error, a
refused `next` lands on the index, logging out lands on the login page, and text boxes
show their limit (issue 24)."""

import pytest
from playwright.sync_api import expect

from careers.models import Role
from tests.browser.conftest import SCREENSHOT_DIR
from tests.helpers import EDITOR_PASSWORD

pytestmark = pytest.mark.browser

PASSWORD = EDITOR_PASSWORD
TIMEOUT = 15_000  # generous: other suites may be loading the machine at the same time
WIDTHS = {"phone": 375, "desktop": 1280}


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        username="editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_username_past_the_limit_gets_the_login_page_with_its_error(
    live_server, page, screenshot, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/admin/login/")
    username = page.get_by_label("Username")
    expect(username).to_have_attribute("maxlength", "150")
    # The box stops typing at 150; a hostile client sends more anyway.
    username.evaluate("box => box.removeAttribute('maxlength')")
    username.fill("u" * 256)
    page.get_by_label("Password").fill("anything")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".errorlist")).to_contain_text(
        "No account has a username this long (at most 150 characters).", timeout=TIMEOUT
    )
    screenshot(page, f"admin-login-username-too-long-{width}")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_refused_next_lands_on_the_index_and_logging_out_on_the_login_page(
    live_server, editor, page, screenshot, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/admin/login/?next=https://evil.example/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/", timeout=TIMEOUT)
    expect(page.get_by_role("heading", name="Content, assessment and people")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(f"{live_server.url}/admin/login/", timeout=TIMEOUT)
    expect(page.locator(".messagelist")).to_have_text("You are logged out.")
    expect(page.get_by_label("Username")).to_be_visible()
    screenshot(page, f"admin-logged-out-{width}")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_role_form_shows_the_limit_under_each_text_box(
    live_server, seeded, editor, page, width
):
    role = Role.objects.get(slug="ai-architect")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/admin/login/?next=/admin/careers/role/{role.pk}/change/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#id_summary_helptext")).to_have_text(
        "The opening paragraph of the role's page. At most 4,000 characters.", timeout=TIMEOUT
    )
    page.locator("#id_summary").fill("s" * 4100)  # the box keeps the first 4,000
    assert len(page.locator("#id_summary").input_value()) == 4000
    # The summary's row only: the whole form is several screens long.
    page.locator(".field-summary").screenshot(
        path=str(SCREENSHOT_DIR / f"admin-role-text-limits-{width}.png")
    )
