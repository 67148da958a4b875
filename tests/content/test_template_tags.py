"""careers.templatetags: {% include_once %} fragments are shared, so nothing of one visitor's."""

import pytest
from django.template import TemplateSyntaxError
from django.template.loader import render_to_string
from django.test import RequestFactory

from careers.templatetags.careers_pages import render_fragment


@pytest.fixture
def fragment_dir(tmp_path, settings):
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    render_fragment.cache_clear()
    yield tmp_path
    render_fragment.cache_clear()


def page_using(fragment_dir, fragment: str) -> str:
    (fragment_dir / "fragment.html").write_text(fragment)
    (fragment_dir / "page.html").write_text(
        '{% load careers_pages %}{% include_once "fragment.html" value=7 %}'
    )
    request = RequestFactory().get("/")
    return render_to_string("page.html", {}, request=request)


def test_a_fragment_renders_from_its_values(fragment_dir):
    assert page_using(fragment_dir, "<b>{{ value }}</b>") == "<b>7</b>"


@pytest.mark.parametrize(
    "fragment",
    [
        "{{ request.path }}",
        "{% if user.is_authenticated %}signed in{% endif %}",
        "{% csrf_token %}",
        "{{ site_name }}",
    ],
)
def test_a_fragment_that_needs_the_visitor_fails_loudly(fragment_dir, fragment):
    with pytest.raises(TemplateSyntaxError, match="shared between visitors"):
        page_using(fragment_dir, fragment)
