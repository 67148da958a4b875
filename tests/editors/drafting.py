"""What the drafts and conflicts tests share: the change form's tokens, as a browser
sends them back."""

import re

from django.urls import reverse

from tests.test_admin import role_form_data

TOKEN = re.compile(r'name="_editing_token" value="([^"]*)"')
DRAFT_STAMP = re.compile(r'name="_draft_stamp" value="([^"]*)"')


def change_url(role) -> str:
    return reverse("admin:careers_role_change", args=[role.pk])


def draft_url(role) -> str:
    return reverse("admin:careers_role_draft", args=[role.pk])


def opened_token(client, role) -> str:
    """The editing token of the role's change form, as a browser would send it back."""
    return TOKEN.search(client.get(change_url(role)).content.decode()).group(1)


def save_draft(client, role, token: str, **changes):
    data = {**role_form_data(role, **changes), "_editing_token": token, "_save_draft": "1"}
    return client.post(change_url(role), data)
