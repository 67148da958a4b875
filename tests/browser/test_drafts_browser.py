"""The issue's walk for drafts, in Chromium as an editor: a role's summary drafted,
previewed, published and found in the history; an FAQ's change scheduled and going live
on its own; two editors saving the same role, the second refused and shown the first's
change. Screenshots of the draft, preview and conflict pages at 1280 and 375 px."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from careers.models import FAQ, Draft, Role
from tests.browser.test_editors_browser import TIMEOUT, sign_in
from tests.helpers import ARCHITECT, make_editor

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("page_cache_on")]

WIDTHS = {"wide": 1280, "narrow": 375}


@pytest.fixture
def ada(db):
    return make_editor("ada@example.com")


@pytest.fixture
def grace(db):
    return make_editor("grace@example.com")


def shoot(page, screenshot, name: str) -> None:
    """Full-page screenshots at both widths, then back to the wide one."""
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        screenshot(page, f"drafts-{name}-{label}")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} scrolls sideways at {width} px"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_draft_preview_publish_and_history(live_server, seeded, ada, page, browser, screenshot):
    site = live_server.url
    role = Role.objects.get(slug=ARCHITECT)
    role_page = f"{site}{role.get_absolute_url()}"
    drafted = "Architects sketch the whole AI system before anyone builds. Drafted."
    visitor = browser.new_page()
    visitor.goto(role_page)  # the published page is now in the page cache
    expect(visitor.get_by_text(drafted)).to_have_count(0)

    sign_in(page, site, "ada@example.com")
    page.goto(f"{site}/admin/careers/role/{role.pk}/change/")
    page.locator("#id_summary").fill(drafted)
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".messagelist")).to_contain_text("draft", timeout=TIMEOUT)
    expect(page.get_by_role("heading", name="What the draft changes")).to_be_visible()
    shoot(page, screenshot, "draft-page")

    # The public page is unchanged for a visitor.
    visitor.goto(role_page)
    expect(visitor.locator("main")).not_to_contain_text("Drafted.")

    # The preview shows the draft on the real page, marked, and is not cached.
    preview = page.get_by_role("link", name="Preview on the site").get_attribute("href")
    response = page.goto(f"{site}{preview}")
    assert response.headers["cache-control"] == "private, no-store"
    expect(page.get_by_text("Preview of a draft.")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_text(drafted)).to_be_visible()
    shoot(page, screenshot, "preview")
    visitor.goto(role_page)
    expect(visitor.locator("main")).not_to_contain_text("Drafted.")
    expect(visitor.get_by_text("Preview of a draft.")).to_have_count(0)

    # The list shows the row has a draft; the change form opens on it.
    page.goto(f"{site}/admin/careers/role/")
    expect(page.get_by_role("link", name="Draft, saved")).to_have_count(1)
    page.goto(f"{site}/admin/careers/role/{role.pk}/change/")
    expect(page.get_by_text("You are editing a draft")).to_be_visible()
    expect(page.locator("#id_summary")).to_have_value(drafted)
    shoot(page, screenshot, "change-form-on-draft")

    # Publish, with a comment.
    page.get_by_role("link", name="Preview, publish, schedule or discard the draft").click()
    page.get_by_label("Comment for the history").fill("Sharper opening")
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messagelist")).to_contain_text("is published", timeout=TIMEOUT)

    visitor.goto(role_page)
    expect(visitor.get_by_text(drafted)).to_be_visible(timeout=TIMEOUT)

    # The history says who published it, when, and why.
    page.goto(f"{site}/admin/careers/role/{role.pk}/history/")
    latest = page.locator("tr.history-entry").first
    expect(latest).to_contain_text("ada@example.com")
    expect(latest).to_contain_text("Published: Sharper opening")
    expect(latest.locator("th a")).to_contain_text(str(timezone.now().year))
    visitor.close()


def test_a_scheduled_faq_change_goes_live_on_its_own(
    live_server, seeded, ada, page, browser, screenshot
):
    site = live_server.url
    faq = FAQ.objects.order_by("order").first()
    faq_page = f"{site}{faq.get_absolute_url()}"
    answer = "A scheduled answer, written ahead of its time."
    visitor = browser.new_page()
    visitor.goto(faq_page)

    sign_in(page, site, "ada@example.com")
    page.goto(f"{site}/admin/careers/faq/{faq.pk}/change/")
    page.locator("#id_answer").fill(answer)
    page.get_by_role("button", name="Save as draft").click()
    a_minute_ahead = timezone.now() + timedelta(minutes=1, seconds=30)
    page.get_by_label("Publish at (UTC)").fill(a_minute_ahead.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Comment for the history").fill("Timed answer")
    page.get_by_role("button", name="Schedule").click()
    expect(page.locator(".messagelist")).to_contain_text("will be published", timeout=TIMEOUT)
    expect(page.get_by_text("Scheduled:")).to_be_visible()
    shoot(page, screenshot, "scheduled")
    page.goto(f"{site}/admin/careers/faq/")
    expect(page.get_by_role("link", name="Scheduled for")).to_have_count(1)

    visitor.goto(faq_page)
    expect(visitor.locator("main")).not_to_contain_text(answer)

    # The clock moves past the time: the next request, anyone's, publishes it.
    draft = Draft.objects.get()
    draft.publish_at = timezone.now() - timedelta(seconds=1)
    draft.save()
    visitor.goto(faq_page)
    expect(visitor.get_by_text(answer)).to_be_visible(timeout=TIMEOUT)
    assert not Draft.objects.exists()
    page.goto(f"{site}/admin/careers/faq/{faq.pk}/history/")
    expect(page.locator("tr.history-entry").first).to_contain_text("Timed answer")
    visitor.close()


def test_two_editors_save_the_same_role_and_the_second_is_shown_the_first(
    live_server, seeded, ada, grace, browser, screenshot
):
    site = live_server.url
    role = Role.objects.get(slug=ARCHITECT)
    change = f"{site}/admin/careers/role/{role.pk}/change/"
    ada_context, grace_context = browser.new_context(), browser.new_context()
    ada_page, grace_page = ada_context.new_page(), grace_context.new_page()
    sign_in(ada_page, site, "ada@example.com")
    sign_in(grace_page, site, "grace@example.com")
    ada_page.goto(change)
    grace_page.goto(change)  # both start from the same version

    ada_page.locator("#id_summary").fill("Ada's summary of the architect.")
    ada_page.get_by_role("button", name="Save and continue editing").click()
    expect(ada_page.locator(".messagelist")).to_contain_text("changed successfully")

    grace_page.locator("#id_tagline").fill("Grace's tagline.")
    grace_page.get_by_role("button", name="Save and continue editing").click()
    conflict = grace_page.locator(".edit-conflict")
    expect(conflict).to_contain_text("ada@example.com saved this role at", timeout=TIMEOUT)
    expect(conflict).to_contain_text("Your change was not saved")
    expect(conflict.locator("table.history-diff")).to_contain_text("Summary")
    expect(conflict.locator("table.history-diff td").nth(1)).to_have_text(
        "Ada's summary of the architect."
    )
    expect(grace_page.locator("#id_tagline")).to_have_value("Grace's tagline.")
    shoot(grace_page, screenshot, "conflict")
    role.refresh_from_db()
    assert role.summary == "Ada's summary of the architect."
    assert role.tagline != "Grace's tagline."
    ada_context.close()
    grace_context.close()
