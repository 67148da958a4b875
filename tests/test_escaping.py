"""Whatever an editor types is shown as text: a <script> in every text field of every
content model, on every public page, a result page and its JSON."""

import json
import re
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import get_resolver, resolve

from careers.content.search import SEARCH_DOCUMENTS, search_vectors_refresh
from careers.editable import editable_models
from careers.models import Question, Role, ToolCategory
from tests.helpers import ARCHITECT, leaning_answers

# Each marker names its field by number; a field too short for one gets the short marker.
RAW_MARKER = re.compile(r"<script>x(\d+)</script>")
SHOWN_MARKER = re.compile(r"&lt;script&gt;x(\d+)&lt;/script&gt;|\\u003Cscript\\u003Ex(\d+)")
SHORT_MARKER = "<u>"
SEARCH_WORD = "xss"
# URL names that answer with no page of their own.
NOT_PAGES = {
    "compare_default": "redirects to the default comparison",
    "result_feedback": "takes a POST and redirects to the result",
    "result_progress": "takes a POST from the result's owner and redirects to the step",
    "result_manage": "hands the result to this browser and redirects to the result",
}


def marker(number: int) -> str:
    return f"<script>x{number}</script> {SEARCH_WORD}"


def text_fields(model) -> list[models.Field]:
    """The fields an editor types text into (a choice is picked, not typed)."""
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and field.editable
        and not field.choices
    ]


def accepts(field, value, row) -> bool:
    """Whether the admin's validation of `field` lets an editor save `value`."""
    try:
        field.clean(value, row)
    except ValidationError:
        return False
    return True


@pytest.fixture
def marked(seeded):
    """Every text field of every content row holds markup: a numbered <script> where it
    fits (returned: number -> "Model.field"), else SHORT_MARKER. Slugs and URLs refuse both."""
    fields_of = {}
    short = set()
    number = 0
    for model in editable_models():
        for row in model.objects.all():
            values = {}
            for field in text_fields(model):
                number += 1
                label = f"{model.__name__}.{field.name}"
                if accepts(field, marker(number), row):
                    values[field.name] = marker(number)
                    fields_of[number] = label
                elif accepts(field, SHORT_MARKER, row):
                    values[field.name] = SHORT_MARKER
                    short.add(label)
            model.objects.filter(pk=row.pk).update(**values)
    for model in SEARCH_DOCUMENTS:
        search_vectors_refresh(model.objects.all())
    return fields_of, short


def public_pages(client) -> list[str]:
    """Every page in the sitemap, the search and the tool filters, and one result's pages."""
    sitemap = ElementTree.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    pages = [
        loc.text.removeprefix("http://testserver") for loc in sitemap.findall(".//s:loc", namespace)
    ]
    pages += ["/sitemap.xml", f"/search/?q={SEARCH_WORD}"]
    pages += [f"/tools/?role={slug}" for slug in Role.objects.values_list("slug", flat=True)]
    pages += [
        f"/tools/?category={slug}" for slug in ToolCategory.objects.values_list("slug", flat=True)
    ]
    questions = Question.objects.active().select_related("leans_toward")
    result = client.post("/assessment/", leaning_answers(questions, ARCHITECT))["Location"]
    return [*pages, result, f"{result}delete/", result.removesuffix("/") + ".json"]


def test_every_careers_url_is_among_the_pages_checked(client, seeded, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    checked = {resolve(page.split("?")[0]).url_name for page in public_pages(client)}
    careers_urls = get_resolver().namespace_dict["careers"][1].reverse_dict
    names = {name for name in careers_urls if isinstance(name, str)}
    assert names - set(NOT_PAGES) <= checked


def test_markup_an_editor_types_is_shown_as_text_on_every_page(client, marked, settings):
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    fields_of, short_fields = marked
    shown, raw, short_shown = set(), [], False
    for page in public_pages(client):
        response = client.get(page)
        assert response.status_code == 200, page
        body = response.content.decode()
        if response["Content-Type"] == "application/json":
            # Data, not markup: the text as typed, in a document no browser reads as HTML.
            assert response["X-Content-Type-Options"] == "nosniff"
            strings = json.dumps(response.json(), ensure_ascii=False)
            shown |= {int(n) for n in RAW_MARKER.findall(strings)}
            assert "&lt;" not in strings, page
            continue
        raw += [(page, fields_of[int(n)]) for n in RAW_MARKER.findall(body)]
        raw += [(page, "a short field") for _ in range(body.count(SHORT_MARKER))]
        shown |= {int(a or b) for a, b in SHOWN_MARKER.findall(body)}
        short_shown |= "&lt;u&gt;" in body
    assert raw == [], "markup rendered as HTML"
    never_shown = {fields_of[number] for number in fields_of} - {fields_of[n] for n in shown}
    assert never_shown == set(), "fields no page shows, so this test checks nothing for them"
    assert short_shown or not short_fields
