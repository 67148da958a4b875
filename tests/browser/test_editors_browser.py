"""The editor's walk from the issue, in Chromium: edit a role's summary, see it on the
role page, open the history, see the diff, restore, see the old text again."""

import pytest
from playwright.sync_api import expect

from careers.models import Role
from tests.helpers import EDITOR_PASSWORD, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("page_cache_on")]

PASSWORD = EDITOR_PASSWORD
TIMEOUT = 15_000  # generous: other suites may be loading the machine


@pytest.fixture
def administrator(django_user_model):
    return django_user_model.objects.create_superuser(
        username="boss", email="boss@example.com", password=PASSWORD
    )


@pytest.fixture
def editor(db):
    return make_editor("ada@example.com")


def sign_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Content, assessment and people")).to_be_visible(
        timeout=TIMEOUT
    )
    expect(page.get_by_role("link", name="RoleFit administration")).to_be_visible()


def edit_see_history_and_restore(page, base_url: str, screenshot, name: str) -> None:
    role = Role.objects.get(slug="ai-architect")
    original_opening = role.summary.split(". ")[0]
    edited = "Architects draw the whole AI system first. Edited in the browser."
    role_page = f"{base_url}{role.get_absolute_url()}"
    page.goto(role_page)  # the page is now in the page cache
    expect(page.get_by_text(original_opening)).to_be_visible(timeout=TIMEOUT)

    # Edit the summary.
    page.goto(f"{base_url}/admin/")
    page.get_by_role("link", name="Roles").first.click()
    page.get_by_role("link", name=role.name).click()
    page.locator("#id_summary").fill(edited)
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    # See it on the role page.
    page.goto(role_page)
    expect(page.get_by_text(edited)).to_be_visible(timeout=TIMEOUT)

    # Open the history: the diff shows the old and the new summary.
    page.goto(f"{base_url}/admin/careers/role/{role.pk}/change/")
    page.get_by_role("link", name="History").click()
    latest = page.locator("tr.history-entry").first.locator("table.history-diff")
    expect(latest).to_contain_text("Summary", timeout=TIMEOUT)
    expect(latest.locator("td").nth(0)).to_contain_text(original_opening)
    expect(latest.locator("td").nth(1)).to_have_text(edited)
    expect(latest.locator("td del").first).to_be_visible()  # the words that went
    expect(latest.locator("td ins").first).to_be_visible()  # the words that came
    screenshot(page, f"{name}-role-history")

    # Restore the previous version.
    page.locator("tr.history-entry").nth(1).get_by_role(
        "link", name="Restore this version…"
    ).click()
    # It says what will change and asks before restoring.
    expect(page.get_by_role("heading", name="What restoring this version changes")).to_be_visible()
    expect(page.locator("table.history-diff").first).to_contain_text(edited)
    page.get_by_role("button", name="Yes, restore this version").click()
    expect(page.locator(".messagelist")).to_contain_text("Restored", timeout=TIMEOUT)
    expect(page.locator("#id_summary")).to_have_value(role.summary)

    # The role page shows the old text again, at once.
    page.goto(role_page)
    expect(page.get_by_text(original_opening)).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(edited)).to_have_count(0)


def test_an_administrator_edits_sees_the_diff_and_restores(
    live_server, seeded, administrator, page, screenshot
):
    sign_in(page, live_server.url, "boss")
    expect(page.get_by_role("link", name="Users")).to_be_visible()
    edit_see_history_and_restore(page, live_server.url, screenshot, "administrator")


def test_an_editor_does_the_same_and_cannot_reach_people(
    live_server, seeded, editor, page, screenshot
):
    sign_in(page, live_server.url, "ada@example.com")
    expect(page.get_by_role("link", name="Users")).to_have_count(0)
    edit_see_history_and_restore(page, live_server.url, screenshot, "editor")
    response = page.goto(f"{live_server.url}/admin/auth/user/")
    assert response.status == 403
