"""Every content text field has a limit the admin shows and enforces, and text PostgreSQL
cannot store gets a field error, never a 500 (careers/editable.py)."""

import re

import pytest
from django import forms
from django.db import models
from django.urls import reverse

from careers.editable import editable_models, text_fields
from careers.models import FAQ, Role
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db


def test_every_text_field_of_every_content_model_has_a_length_limit():
    unbounded = [
        f"{model.__name__}.{f.name}"
        for model in editable_models()
        for f in text_fields(model)
        if not f.max_length
    ]
    assert unbounded == []


def test_the_limits_leave_room_over_the_longest_seeded_text(seeded, db):
    # The seed holds the longest real content: every field leaves it at least twice the room
    # (a currency is an ISO code, three letters; choices and slugs have their own rules).
    for model in editable_models():
        for f in text_fields(model):
            if f.choices or isinstance(f, models.SlugField) or f.name == "currency":
                continue
            longest = max((len(v) for v in model.objects.values_list(f.name, flat=True)), default=0)
            assert longest * 2 <= f.max_length, f"{model.__name__}.{f.name}: {longest}"


def text_box(html: str, name: str) -> str:
    return re.search(rf'<textarea name="{name}"[^>]*>', html).group()


def test_the_role_form_shows_each_text_box_its_limit(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    html = staff_client.get(reverse("admin:careers_role_change", args=[role.pk])).content.decode()
    assert 'maxlength="4000"' in text_box(html, "summary")
    assert "The opening paragraph of the role's page. At most 4,000 characters." in html
    assert 'maxlength="1000"' in text_box(html, "outlook")
    assert "Where the role is heading, as the article's outlook puts it. At most 1,000" in html


def test_a_summary_over_its_limit_gets_a_field_error(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    url = reverse("admin:careers_role_change", args=[role.pk])
    response = staff_client.post(url, role_form_data(role, summary="s" * 4001))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["summary"] == [
        "Ensure this value has at most 4000 characters (it has 4001)."
    ]
    role.refresh_from_db()
    assert len(role.summary) < 4001


def test_a_nul_in_a_text_box_gets_a_field_error(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    url = reverse("admin:careers_role_change", args=[role.pk])
    response = staff_client.post(url, role_form_data(role, summary="An editor\x00's summary."))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["summary"] == [
        "Null characters are not allowed."
    ]


def test_a_lone_surrogate_in_content_gets_a_field_error_from_the_model(seeded, db):
    # Browsers cannot send one, and the site refuses requests that carry one
    # (rolefit/middleware.py); any other way in meets the model's own check.
    form_class = forms.modelform_factory(FAQ, fields=["question", "answer", "article_section"])
    faq = FAQ.objects.first()
    form = form_class(
        {"question": "Q?", "answer": "half \ud800 a pair", "article_section": faq.article_section},
        instance=faq,
    )
    assert not form.is_valid()
    assert form.errors["answer"] == [
        "This text contains U+D800, half of a UTF-16 surrogate pair on its own, which is not a "
        "character and cannot be stored."
    ]
