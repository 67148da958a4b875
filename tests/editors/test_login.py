"""Signing in and out of the admin: impossible usernames get the login page with an error,
and a refused `next` lands on a page that exists (editors/login.py, settings)."""

import json

import pytest
from axes.models import AccessAttempt

from tests.helpers import logged_lines, tracebacks

pytestmark = pytest.mark.django_db

PASSWORD = "a long good password 1"
EVIL = "https://evil.example/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        username="editor", password=PASSWORD, is_staff=True
    )


@pytest.mark.parametrize("length", [151, 256, 10_000])
def test_a_username_longer_than_any_account_gets_the_login_page_and_is_not_recorded(client, length):
    with logged_lines() as lines:
        response = client.post("/admin/login/", {"username": "u" * length, "password": "x"})
    assert response.status_code == 200
    assert b'id="login-form"' in response.content
    assert b"No account has a username this long (at most 150 characters)." in response.content
    assert AccessAttempt.objects.count() == 0
    assert len(lines) == 1
    assert json.loads(lines[0])["message"] == "admin login refused before checking it: max_length"
    assert not tracebacks(lines)


def test_a_username_with_a_nul_gets_the_login_page_with_an_error(client):
    response = client.post("/admin/login/", {"username": "ed\x00itor", "password": "x"})
    assert response.status_code == 200
    assert b"Null characters are not allowed." in response.content
    assert AccessAttempt.objects.count() == 0


def test_a_wrong_password_is_still_counted_toward_the_lockout(client, editor):
    response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assert AccessAttempt.objects.get(username="editor").failures_since_start == 1


def test_signing_in_with_a_refused_next_lands_on_the_admin_index(client, editor):
    for unsafe in [EVIL, "//evil.example/", "javascript:alert(1)"]:
        response = client.post(
            f"/admin/login/?next={unsafe}", {"username": "editor", "password": PASSWORD}
        )
        assert response.status_code == 302, unsafe
        assert response["Location"] == "/admin/", unsafe
        assert client.get(response["Location"]).status_code == 200
        client.logout()


def test_signing_in_with_a_page_of_the_site_as_next_goes_there(client, editor):
    response = client.post(
        "/admin/login/?next=/admin/careers/role/", {"username": "editor", "password": PASSWORD}
    )
    assert response["Location"] == "/admin/careers/role/"


@pytest.mark.parametrize("query", [f"?next={EVIL}", "?next=//evil.example/", ""])
def test_signing_out_lands_on_the_login_page(client, editor, query):
    client.force_login(editor)
    response = client.post(f"/admin/logout/{query}")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert b'id="login-form"' in page.content
    assert b"You are logged out." in page.content
    assert client.get("/admin/").status_code == 302  # signed out indeed
