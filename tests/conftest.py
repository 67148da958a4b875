import time
from pathlib import Path

import pytest
from django.conf import settings
from django.test import TransactionTestCase
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from whitenoise.base import WhiteNoise, scantree

from tests.helpers import EDITOR_PASSWORD, in_ci
from tests.seeded_database import SEEDED, commits_its_writes, delete_content

# The session's own redis-server (`redis_server`), for every test that needs Redis.
pytest_plugins = ["tests.redis_server"]

# Property tests try more examples in CI than on a developer's machine.
for profile, examples in {"dev": 50, "ci": 100}.items():
    hypothesis_settings.register_profile(
        profile, max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
hypothesis_settings.load_profile("ci" if in_ci() else "dev")


def pytest_configure(config):
    # whitenoise warns on every request while STATIC_ROOT does not exist (before the
    # first collectstatic); the tests that need collected files run it themselves.
    settings.STATIC_ROOT.mkdir(exist_ok=True)


TESTS = Path(__file__).parent
# Modules whose tests share a set-up that takes seconds (a served stack, a PostgreSQL of
# their own): each runs on one test process (xdist's loadgroup), which sets it up once.
SHARED_SET_UP = [TESTS / "server", TESTS / "project" / "test_database_outage.py"]


def pytest_collection_modifyitems(items):
    for item in items:
        # Every test in tests/server/ runs against the gunicorn its conftest starts.
        if item.path.is_relative_to(TESTS / "server"):
            item.add_marker(pytest.mark.server)
        if any(item.path.is_relative_to(place) for place in SHARED_SET_UP):
            item.add_marker(pytest.mark.xdist_group(item.path.stem))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, holding the article's content: seeded once per session."""
    with django_db_blocker.unblock():
        SEEDED.seed()
    SEEDED.blocker = django_db_blocker


def scan_static_files_once(whitenoise, root: str, prefix: str) -> None:
    """WhiteNoise reads the headers of every collected static file each time a test client
    builds its middleware (a tenth of a second with the admin's files, hundreds of times a
    run); in production it does so once per worker. Kept while the files stay the same."""
    files_as_they_are = tuple(
        (path, stat.st_mtime_ns, stat.st_size) for path, stat in sorted(scantree(root))
    )
    key = (root, prefix, whitenoise.max_age, whitenoise.add_headers_function, files_as_they_are)
    if key not in STATIC_FILES_SCANNED:
        before = dict(whitenoise.files)
        SCAN_STATIC_FILES(whitenoise, root, prefix)
        STATIC_FILES_SCANNED[key] = {
            url: found for url, found in whitenoise.files.items() if before.get(url) is not found
        }
    whitenoise.files.update(STATIC_FILES_SCANNED[key])


STATIC_FILES_SCANNED: dict = {}
SCAN_STATIC_FILES = WhiteNoise.update_files_dictionary
WhiteNoise.update_files_dictionary = scan_static_files_once


def put_back_instead_of_flushing(test_case) -> None:
    """Ends a transactional test without Django's TRUNCATE of every table (a quarter of a
    second each time): the hook below replaces every row with the content as seeded."""
    if not SEEDED.loaded:
        FLUSH_AFTER_TEST(test_case)


FLUSH_AFTER_TEST = TransactionTestCase._fixture_teardown
TransactionTestCase._fixture_teardown = put_back_instead_of_flushing


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # After the test's fixtures are gone: a transactional test committed what it wrote.
    result = yield
    if SEEDED.loaded and commits_its_writes(item):
        with SEEDED.blocker.unblock():
            SEEDED.put_back()
    return result


@pytest.fixture(autouse=True)
def publishing_schedule_looked_at():
    """Each worker asks for the next scheduled publish at most every 20 s, so one request
    in many makes that query: a test counting a page's queries must not depend on when
    this process last asked. Saving a draft makes the schedule be read at once again."""
    from careers.editors.middleware import SCHEDULE

    SCHEDULE.next_due, SCHEDULE.recheck_at = None, time.monotonic() + 3600
    yield
    SCHEDULE.forget()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests only need it to work.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_user(
        username="editor", password=EDITOR_PASSWORD, is_staff=True, is_superuser=True
    )
    client.force_login(user)
    return client


@pytest.fixture
def seeded(db):
    """The article's content, as `seed_content` writes it (loaded once for the session)."""


@pytest.fixture
def no_content(db):
    """A database without content or history, as before the first `seed_content`; the
    test's transaction is rolled back, so the next test has the content again."""
    delete_content()
