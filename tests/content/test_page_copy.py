"""Page copy: RoleFit's own words on its pages are content an editor changes in the admin."""

import json
import logging
import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.urls import reverse

from careers.content.page_copy import seed_copy
from careers.editable import editable_models
from careers.models import PageCopy

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
SEED = Path(__file__).resolve().parents[2] / "careers" / "seed" / "page_copy.json"
COPY_TAG = re.compile(r'\{% copy "([^"]+)"')
# Today's text, as the reader saw it on the home page.
HERO_TITLE = "Which AI-era role fits you?"


def keys_in_templates() -> set[str]:
    return {key for path in TEMPLATES.rglob("*.html") for key in COPY_TAG.findall(path.read_text())}


def render(source: str, **values) -> str:
    return Template(source).render(Context(values))


def test_page_copy_is_editable_content():
    assert PageCopy in editable_models()


def test_every_key_a_template_asks_for_is_seeded_and_every_seeded_key_is_used():
    seeded = set(json.loads(SEED.read_text())["page_copy"])
    assert keys_in_templates() - seeded == set()
    assert seeded - keys_in_templates() == set()


def test_the_seed_loads_every_key(seeded):
    assert set(PageCopy.objects.values_list("key", flat=True)) == set(seed_copy())
    assert PageCopy.objects.get(key="home.hero.title").text == HERO_TITLE


def test_the_home_page_shows_the_hero_from_the_database(client, seeded):
    PageCopy.objects.filter(key="home.hero.title").update(text="Pick your AI-era path")
    html = client.get("/").content.decode()
    assert '<h1 id="home-title">Pick your AI-era path</h1>' in html
    assert HERO_TITLE not in html


def test_an_editors_change_shows_at_once_through_the_page_cache(
    staff_client, client, seeded, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    assert HERO_TITLE in client.get("/").content.decode()  # now in the page cache
    copy = PageCopy.objects.get(key="home.hero.title")
    with django_capture_on_commit_callbacks(execute=True):  # the content version moves
        response = staff_client.post(
            reverse("admin:careers_pagecopy_change", args=[copy.pk]),
            {"text": "Pick your AI-era path"},
        )
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert "Pick your AI-era path" in html
    assert HERO_TITLE not in html


def test_a_missing_key_shows_the_seed_text_and_logs_a_warning(seeded, caplog):
    PageCopy.objects.filter(key="home.hero.title").delete()
    with caplog.at_level(logging.WARNING, logger="careers.content.page_copy"):
        html = render('{% copy "home.hero.title" %}')
    assert html == HERO_TITLE
    assert any(
        record.levelno == logging.WARNING and "home.hero.title" in record.getMessage()
        for record in caplog.records
    )


def test_a_key_nowhere_shows_nothing_and_logs_an_error(seeded, caplog):
    with caplog.at_level(logging.WARNING, logger="careers.content.page_copy"):
        assert render('{% copy "home.no_such.key" %}') == ""
    assert [r.levelno for r in caplog.records] == [logging.ERROR]


def test_copy_is_escaped_and_double_asterisks_make_bold(seeded):
    PageCopy.objects.filter(key="home.cta.title").update(text="<script>x</script> **Not** sure")
    assert render('{% copy "home.cta.title" %}') == (
        "&lt;script&gt;x&lt;/script&gt; <strong>Not</strong> sure"
    )


def test_values_fill_their_places_and_an_empty_one_leaves_no_gap(seeded):
    assert render('{% copy "methodology.steps.read" count=n %}', n=20).startswith(
        "You read 20 short statements"
    )
    assert render('{% copy "methodology.steps.read" count=n %}', n="").startswith(
        "You read short statements"
    )


def test_the_assessment_form_reads_its_lead_from_page_copy(client, seeded):
    PageCopy.objects.filter(key="assessment.intro.lead").update(
        text="{count} statements in {factors} groups."
    )
    html = client.get(reverse("careers:assessment")).content.decode()
    assert re.search(r'<p class="lead">\d+ statements in 4 groups\.</p>', html)


def test_the_key_cannot_be_renamed_in_the_admin(staff_client, seeded):
    copy = PageCopy.objects.get(key="home.hero.title")
    staff_client.post(
        reverse("admin:careers_pagecopy_change", args=[copy.pk]),
        {"key": "home.renamed", "text": "New title"},
    )
    copy.refresh_from_db()
    assert (copy.key, copy.text) == ("home.hero.title", "New title")
