"""Two editors, each signed in with a client of their own."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from careers.editors.group import EDITORS_GROUP


def make_editor(django_user_model, name: str):
    user = django_user_model.objects.create_user(
        username=name, password="correct horse battery staple", is_staff=True
    )
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def ada(django_user_model):
    return make_editor(django_user_model, "ada@example.com")


@pytest.fixture
def grace(django_user_model):
    return make_editor(django_user_model, "grace@example.com")
