"""rolefit.caching.shared_form_page: one rendering per content version, each visitor's token."""

import pytest
from django.test import RequestFactory
from django.utils.safestring import mark_safe

from rolefit.caching import shared_form_page
from tests.helpers import csrf_token_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def memo_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def draw_form(renders):
    def render(csrf_placeholder):
        renders.append(1)
        return f"<form>{csrf_placeholder}<input name=answer></form>"

    return render


def test_the_form_is_drawn_once_and_each_visitor_gets_a_token_of_their_own():
    renders, factory = [], RequestFactory()
    first = shared_form_page(factory.get("/f/"), name="test-form", render=draw_form(renders))
    second = shared_form_page(factory.get("/f/"), name="test-form", render=draw_form(renders))
    assert len(renders) == 1
    assert csrf_token_in(first) != csrf_token_in(second)
    assert "csrf-token" not in first + second
    assert first.startswith('<form><input type="hidden" name="csrfmiddlewaretoken" value="')


def test_forms_of_different_names_or_hosts_are_drawn_apart():
    renders, factory = [], RequestFactory()
    shared_form_page(factory.get("/f/"), name="one", render=draw_form(renders))
    shared_form_page(factory.get("/f/"), name="two", render=draw_form(renders))
    shared_form_page(
        factory.get("/f/", HTTP_HOST="localhost"), name="one", render=draw_form(renders)
    )
    assert len(renders) == 3


def test_each_visitor_gets_their_own_value_of_every_visitor_field():
    renders, factory = [], RequestFactory()
    placeholder = mark_safe("<!-- stamp -->")

    def render(csrf_placeholder):
        renders.append(1)
        return f"<form>{csrf_placeholder}{placeholder}</form>"

    pages = [
        shared_form_page(
            factory.get("/f/"),
            name="stamped",
            render=render,
            visitor_fields={placeholder: f'<input name="stamp" value="{number}">'},
        )
        for number in (1, 2)
    ]
    assert len(renders) == 1
    assert 'value="1"' in pages[0] and 'value="2"' in pages[1]
    assert "<!-- stamp -->" not in pages[0] + pages[1]
