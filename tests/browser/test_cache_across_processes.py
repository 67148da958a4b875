"""An editor's change, saved through one gunicorn, shows on the next request to another."""

import urllib.request

import pytest
from django.conf import global_settings

from tests.helpers import admin_edit_role_summary
from tests.serving import collect_static, current_database_url, gunicorn

pytestmark = [pytest.mark.browser, pytest.mark.server, pytest.mark.django_db(transaction=True)]

ROLE_PAGE = "/roles/ai-architect/"


def fetch(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode(), response.headers.get("X-Page-Cache", "miss")


def test_edit_through_one_instance_shows_at_once_on_another(page, django_user_model, settings):
    # The servers verify the password with the production hasher, not the tests' fast one.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    django_user_model.objects.create_superuser("editor", password="a long good password 1")
    collect_static()
    database_url = current_database_url()
    with gunicorn(database_url) as editor_site, gunicorn(database_url) as visitor_site:
        fetch(visitor_site + ROLE_PAGE)
        before, cache_state = fetch(visitor_site + ROLE_PAGE)
        assert cache_state == "hit"  # the visitor's instance serves the page from the cache
        assert "Edited across instances" not in before

        admin_edit_role_summary(
            page, editor_site, "Edited across instances: one save, every server."
        )

        after, cache_state = fetch(visitor_site + ROLE_PAGE)
        assert "Edited across instances: one save, every server." in after
        assert cache_state == "miss"
