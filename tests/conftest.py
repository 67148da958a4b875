import pytest


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", password="correct horse battery staple", is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


@pytest.fixture
def seeded(db):
    """The article's content, loaded by the same command `make run` uses."""
    from django.core.management import call_command

    call_command("seed_content", verbosity=0)
