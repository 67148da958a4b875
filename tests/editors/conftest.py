"""Two editors, each signed in with a client of their own."""

import pytest
from django.test import Client

from tests.helpers import make_editor


def signed_in_editor(name: str):
    user = make_editor(name)
    client = Client()
    client.force_login(user)
    return user, client


@pytest.fixture
def ada(db):
    return signed_in_editor("ada@example.com")


@pytest.fixture
def grace(db):
    return signed_in_editor("grace@example.com")
