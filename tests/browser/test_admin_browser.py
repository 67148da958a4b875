import pytest
from playwright.sync_api import expect

from careers.models import Role
from tests.helpers import EDITOR_PASSWORD

pytestmark = pytest.mark.browser

PASSWORD = EDITOR_PASSWORD
# Generous: other suites may be loading the machine at the same time.
TIMEOUT = 15_000


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        username="editor", password=PASSWORD, is_staff=True, is_superuser=True
    )


def test_staff_user_logs_in_and_edits_a_role_summary(live_server, seeded, editor, page, screenshot):
    role = Role.objects.get(slug="ai-architect")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("link", name="Roles")).to_be_visible(timeout=TIMEOUT)

    page.goto(f"{live_server.url}/admin/careers/role/{role.pk}/change/")
    new_summary = "Architects design whole AI systems. Edited in the browser test."
    page.locator("#id_summary").fill(new_summary)
    page.get_by_role("button", name="Save and continue editing").click()

    expect(page.locator(".messagelist")).to_contain_text(
        "was changed successfully", timeout=TIMEOUT
    )
    expect(page.locator("#id_summary")).to_have_value(new_summary, timeout=TIMEOUT)
    screenshot(page, "admin-role-edited")
    role.refresh_from_db()
    assert role.summary == new_summary


def test_prepopulated_slug_and_filter_widgets_work_under_the_csp(live_server, editor, page):
    console_errors: list[str] = []
    page.on(
        "console", lambda message: message.type == "error" and console_errors.append(message.text)
    )
    page.goto(f"{live_server.url}/admin/login/?next=/admin/careers/tool/add/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    # Typing starts once the form has loaded, as a person's would: earlier, the admin's
    # own scripts could still move the focus mid-word.
    page.wait_for_url("**/admin/careers/tool/add/", timeout=TIMEOUT)
    page.wait_for_load_state("load")

    page.get_by_label("Name").press_sequentially("New Assistant Tool")
    expect(page.get_by_label("Slug")).to_have_value("new-assistant-tool", timeout=TIMEOUT)
    roles_picker = page.locator("#id_roles_from")  # the filter_horizontal widget
    expect(roles_picker).to_be_visible(timeout=TIMEOUT)
    assert console_errors == []
