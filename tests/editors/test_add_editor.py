"""`manage.py add_editor EMAIL` and `make admin`: how people get an admin account."""

import os
import re
import subprocess
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from careers.editors.group import EDITORS_GROUP
from tests.serving import BASE_DIR, current_database_url

LINK = re.compile(r"http://127\.0\.0\.1:8000(/admin/password/[^/\s]+/[^/\s]+/)")
NEW_PASSWORD = "a long and unusual passphrase 42"


def logs_in(username: str, password: str) -> bool:
    """Through the admin's login form, as a person would (axes checks the request)."""
    response = Client().post(
        "/admin/login/?next=/admin/", {"username": username, "password": password}
    )
    return response.status_code == 302 and response["Location"] == "/admin/"


def add_editor(*args) -> str:
    out = StringIO()
    call_command("add_editor", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_creates_a_staff_editor_without_a_password_and_prints_a_one_time_link(client):
    output = add_editor("Ada@Example.com")
    user = get_user_model().objects.get(username="Ada@example.com")
    assert user.is_staff and not user.is_superuser
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [EDITORS_GROUP]
    assert "Created the editor Ada@example.com" in output
    path = LINK.search(output).group(1)

    # The link asks for a new password, once; then the editor logs in with it.
    form_page = client.get(path, follow=True).content.decode()
    # Worded for a new editor choosing a first password, under RoleFit's name.
    assert "<h1>Choose your RoleFit password</h1>" in form_page
    assert "RoleFit administration" in form_page
    assert "Django administration" not in form_page and "reset" not in form_page.lower()
    set_password_url = client.get(path, follow=True).redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    done_page = done.content.decode()
    assert "<h1>Your password is set</h1>" in done_page
    assert "Django administration" not in done_page and "reset" not in done_page.lower()
    assert logs_in("Ada@example.com", NEW_PASSWORD)
    again = Client().get(path, follow=True).content.decode()
    assert "This link no longer works" in again


@pytest.mark.django_db
def test_the_site_address_in_the_link_can_be_given():
    output = add_editor("grace@example.com", "--site-url", "https://rolefit.example.com/")
    assert "https://rolefit.example.com/admin/password/" in output


@pytest.mark.django_db
@pytest.mark.parametrize("email", ["not-an-address", "ada@", "", "two words@example.com"])
def test_refuses_an_invalid_address_and_creates_nothing(email):
    with pytest.raises(CommandError, match="is not a valid e-mail address"):
        add_editor(email)
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_refuses_an_address_that_already_has_an_account(django_user_model):
    django_user_model.objects.create_user(username="ada", email="ada@example.com")
    with pytest.raises(CommandError, match="already exists"):
        add_editor("ADA@example.com")
    add_editor("bob@example.com")
    with pytest.raises(CommandError, match="already exists"):
        add_editor("bob@example.com")
    assert django_user_model.objects.count() == 2


@pytest.mark.django_db
def test_the_command_fails_with_a_clear_message_from_the_shell():
    result = subprocess.run(
        [str(BASE_DIR / ".venv/bin/python"), "manage.py", "add_editor", "nonsense"],
        cwd=BASE_DIR,
        env={**os.environ, "DATABASE_URL": current_database_url()},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "'nonsense' is not a valid e-mail address." in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.django_db(transaction=True)
def test_make_admin_creates_a_superuser_on_the_configured_database():
    # A fresh shell: no debug flag, no secret key (make admin works without them).
    shell = {k: v for k, v in os.environ.items() if k not in ("DJANGO_DEBUG", "DJANGO_SECRET_KEY")}
    env = {
        **shell,
        "DATABASE_URL": current_database_url(),
        "DJANGO_SUPERUSER_USERNAME": "boss",
        "DJANGO_SUPERUSER_EMAIL": "boss@example.com",
        "DJANGO_SUPERUSER_PASSWORD": NEW_PASSWORD,
    }
    result = subprocess.run(
        ["make", "--no-print-directory", "admin", "ADMIN_ARGS=--noinput"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Superuser created successfully." in result.stdout
    boss = get_user_model().objects.get(username="boss")
    assert boss.is_superuser and boss.is_staff
    # Hashed by the subprocess with the production hasher, which these tests swap out.
    assert boss.has_usable_password()
