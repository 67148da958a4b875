import pytest
from django.conf import settings


def pytest_configure(config):
    # whitenoise warns on every request while STATIC_ROOT does not exist (before the
    # first collectstatic); the tests that need collected files run it themselves.
    settings.STATIC_ROOT.mkdir(exist_ok=True)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests only need it to work.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """The article's content, loaded once for a whole test module whose tests only read it
    (each still runs in its own transaction, rolled back); emptied again afterwards."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("seed_content", verbosity=0)
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)
