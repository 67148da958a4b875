"""Hostile input to the admin login and to every registered admin's changelist, actions and
object pages: a 4xx or the normal page, never a 500, and no traceback in the logs.

The admins come from `admin.site._registry`, and each changelist's parameters from its own
filters and fields, so an admin added later is swept too. The matrix is bounded: one value
of each hostile kind per parameter (the public sweep's list has several of each), one
client, and the content seeded once per test.
"""

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse

from tests.helpers import logged_lines, tracebacks

pytestmark = pytest.mark.django_db

# One of each kind the database or Django's SQL could trip on: text that no number, date
# or address parses (and long), and a number past 64 bits. Invalid UTF-8 decodes to U+FFFD
# (text like any other); NUL is refused for the whole site (tested once per changelist).
# Text fields take any text: they get the first only.
HOSTILE_VALUES = ["x" * 2000, "99999999999999999999999"]
TEXT_FIELDS = (models.CharField, models.TextField)
# What Django's date lookups and the date hierarchy do arithmetic on.
DATE_PARTS = ["year", "iso_year", "month", "date"]
YEAR_VALUES = ["0", "10000", "99999999999999999999999"]
# The changelist's own parameters: search, ordering, page, error flag, show all, popups.
CHANGELIST_PARAMETERS = ["q", "o", "p", "e", "all", "_to_field", "_popup", "_changelist_filters"]
HOSTILE_IDS = ["abc", "99999999999999999999999", "-1", "%C0%AF"]
# UTF-7 decodes "+2AA-" to U+D800, half a surrogate pair, which PostgreSQL cannot store.
# Django refuses any charset but UTF-8 for urlencoded forms; multipart ones are decoded.
LONE_SURROGATE = b"+2AA-"
BOUNDARY = "hostile"
UTF7_MULTIPART = f"multipart/form-data; boundary={BOUNDARY}; charset=utf-7"


def multipart(fields: dict[str, bytes]) -> bytes:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
        + value
        + b"\r\n"
        for name, value in fields.items()
    ]
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def registered_admins() -> list[tuple[type[models.Model], admin.ModelAdmin]]:
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def filter_parameters(response) -> list[str]:
    """The query parameters of the changelist's sidebar filters, as its filters name them."""
    return [
        name for spec in response.context["cl"].filter_specs for name in spec.expected_parameters()
    ]


def field_lookups(model) -> list[tuple[str, list[str]]]:
    """A lookup on every field (the admin allows any on the model's own fields), and on
    the parts of every date, each with the values worth trying on it."""
    lookups = []
    for f in model._meta.concrete_fields:
        lookups.append(
            (f.name, HOSTILE_VALUES[:1] if isinstance(f, TEXT_FIELDS) else HOSTILE_VALUES)
        )
        if isinstance(f, models.DateField):
            lookups += [
                (f"{f.name}__{part}", YEAR_VALUES if "year" in part else HOSTILE_VALUES)
                for part in DATE_PARTS
            ]
    return lookups


def assert_handled(response, url: str) -> None:
    assert response.status_code in (200, 302) or 400 <= response.status_code < 500, url


@pytest.fixture
def everything(seeded, db):
    """Seeded content, plus a row in every admin's table that the seed leaves empty."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from careers.models import AssessmentResult, Questionnaire

    questionnaire = Questionnaire.objects.create(fingerprint="f" * 64, snapshot={"questions": []})
    AssessmentResult.objects.create(
        answers={}, questionnaire=questionnaire, scores={}, outcome="ai-architect"
    )
    attempt = {"user_agent": "ua", "ip_address": "198.51.100.7", "username": "someone"}
    AccessAttempt.objects.create(
        **attempt, http_accept="*/*", path_info="/admin/login/", failures_since_start=1
    )
    AccessLog.objects.create(**attempt, http_accept="*/*", path_info="/admin/login/")
    AccessFailureLog.objects.create(
        **attempt, http_accept="*/*", path_info="/admin/login/", locked_out=False
    )


def test_every_changelist_answers_hostile_query_strings_without_a_500(
    staff_client, everything, monkeypatch
):
    with logged_lines() as lines:
        for model, model_admin in registered_admins():
            # One row a page: the parameters are what is swept (the page number with them).
            monkeypatch.setattr(model_admin, "list_per_page", 1)
            url = admin_url(model, "changelist")
            page = staff_client.get(url)
            assert page.status_code == 200, url
            lookups = {
                **dict.fromkeys(filter_parameters(page), HOSTILE_VALUES),
                **dict(field_lookups(model)),
                **dict.fromkeys(CHANGELIST_PARAMETERS, HOSTILE_VALUES),
            }
            for name, values in lookups.items():
                for value in values:
                    assert_handled(staff_client.get(f"{url}?{name}={value}"), f"{url} {name}")
            assert staff_client.get(f"{url}?q=a%00b").status_code == 400
    assert not tracebacks(lines)


def test_every_admin_action_and_object_page_answers_hostile_ids_without_a_500(
    staff_client, everything
):
    with logged_lines() as lines:
        for model, _ in registered_admins():
            changelist = admin_url(model, "changelist")
            for object_id in HOSTILE_IDS:
                response = staff_client.post(
                    changelist,
                    f"action=delete_selected&_selected_action={object_id}",
                    content_type="application/x-www-form-urlencoded",
                )
                assert_handled(response, f"{changelist} {object_id}")
                for view in ("change", "history", "delete"):
                    url = f"{changelist}{object_id}/{view}/"
                    assert_handled(staff_client.get(url), url)
    assert not tracebacks(lines)


def test_a_lone_surrogate_posted_to_any_admin_form_is_a_400_page(staff_client, everything):
    urls = []
    for model, _ in registered_admins():
        row = model._default_manager.order_by("pk").first()
        urls += [admin_url(model, "add")] + ([admin_url(model, "change", row.pk)] if row else [])
    with logged_lines() as lines:
        for url in urls:
            body = multipart({"name": LONE_SURROGATE, "username": LONE_SURROGATE})
            response = staff_client.generic("POST", url, body, content_type=UTF7_MULTIPART)
            assert response.status_code == 400, url
    assert len(lines) == len(urls)  # one line each
    assert all("lone surrogate in the form data" in line for line in lines)
    assert not tracebacks(lines)


def test_the_login_page_answers_hostile_input_with_itself_or_a_redirect(client, db):
    login = reverse("admin:login")
    cases = [
        *(("username", value) for value in ["u" * 256, "u" * 100_000, "a%00b", "%0D%0Ax"]),
        *(("password", value) for value in ["p" * 100_000, "a%00b", "%27%20OR%201%3D1--"]),
        *(("next", value) for value in ["https://evil.example/", "//evil.example", "x" * 2000]),
    ]
    with logged_lines() as lines:
        for number, (name, value) in enumerate(cases):
            # A username of its own each time, so the lockout never answers instead.
            fields = {"username": f"someone-{number}", "password": "wrong", name: value}
            body = "&".join(f"{key}={text}" for key, text in fields.items())
            response = client.post(login, body, content_type="application/x-www-form-urlencoded")
            assert response.status_code == 200, (name, value[:40])
            assert b'id="login-form"' in response.content
        for name in ("username", "password"):
            body = multipart(
                {name: LONE_SURROGATE, "password": b"wrong"}
                if name == "username"
                else {"username": b"someone", name: LONE_SURROGATE}
            )
            response = client.generic("POST", login, body, content_type=UTF7_MULTIPART)
            assert response.status_code == 400, name
    assert not tracebacks(lines)
