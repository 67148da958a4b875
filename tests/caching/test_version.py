"""The content version kept by PostgreSQL: moved by triggers in the edit's transaction,
heard of by each worker's listener (rolefit/caching/version.py)."""

import psycopg
import pytest
from django.core.cache import cache
from django.db import connection, transaction

from careers.editable import editable_models
from careers.models import Role
from rolefit.caching import current_content_version
from rolefit.caching.version import LISTENER, LISTENER_NAME, stored_version
from tests.serving import current_database_url, poll

ROLE_PAGE = "/roles/ai-architect/"


def content_tables() -> set[str]:
    tables = set()
    for model in editable_models():
        tables.add(model._meta.db_table)
        tables |= {f.remote_field.through._meta.db_table for f in model._meta.local_many_to_many}
    return tables


def tables_with_the_version_trigger() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE t.tgname = 'rolefit_content_version' AND NOT t.tgisinternal"
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db
def test_every_content_table_moves_the_version_when_written():
    assert content_tables() - tables_with_the_version_trigger() == set()
    assert tables_with_the_version_trigger() - content_tables() == set()  # results are not content


@pytest.mark.django_db
def test_a_write_no_django_signal_hears_of_moves_the_version(seeded):
    before = stored_version()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE careers_faq SET answer = answer || ' Edited in SQL.'")
    assert stored_version() != before


@pytest.mark.django_db
def test_a_visitors_result_does_not_move_the_version(client, seeded, settings):
    from tests.helpers import stored_result_page

    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    before = stored_version()
    stored_result_page(client)
    assert stored_version() == before


@pytest.fixture
def listening(settings, seeded):
    """Page cache and listener on, the listener connected to the test database."""
    settings.PAGE_CACHE_ENABLED = True
    settings.CONTENT_VERSION_LISTENER = True
    cache.clear()
    LISTENER.ensure_started()
    poll(lambda: LISTENER.version == stored_version(), timeout=10, message="listener up")
    yield
    settings.CONTENT_VERSION_LISTENER = False
    LISTENER.stop()  # its connection would keep the test database from being dropped


def edit_from_another_instance(sql: str) -> None:
    """An edit committed on another connection, as another instance's admin makes it."""
    with psycopg.connect(current_database_url(), autocommit=True) as other:
        other.execute(sql)


def listener_disconnected() -> None:
    with psycopg.connect(current_database_url(), autocommit=True) as other:
        other.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
            [LISTENER_NAME],
        )


@pytest.mark.django_db(transaction=True)
def test_cached_pages_make_no_query_while_the_listener_is_connected(
    listening, client, django_assert_num_queries
):
    client.get(ROLE_PAGE)
    with django_assert_num_queries(0):
        hit = client.get(ROLE_PAGE)
    assert hit["X-Page-Cache"] == "hit"


@pytest.mark.django_db(transaction=True)
def test_an_edit_on_another_instance_shows_on_the_next_page(listening, client):
    client.get(ROLE_PAGE)
    edit_from_another_instance(
        "UPDATE careers_role SET tagline = 'Heard through NOTIFY' WHERE slug = 'ai-architect'"
    )
    poll(lambda: LISTENER.version == stored_version(), timeout=5, message="announcement heard")
    page = client.get(ROLE_PAGE)
    assert "X-Page-Cache" not in page
    assert b"Heard through NOTIFY" in page.content


@pytest.mark.django_db(transaction=True)
def test_an_edit_in_this_process_shows_on_its_next_page_at_once(listening, client):
    client.get(ROLE_PAGE)
    role = Role.objects.get(slug="ai-architect")
    role.tagline = "Saved here, shown here"
    role.save()
    assert LISTENER.version == stored_version()  # not left to the announcement's timing
    assert b"Saved here, shown here" in client.get(ROLE_PAGE).content


@pytest.mark.django_db(transaction=True)
def test_an_edit_rolled_back_leaves_this_process_on_the_version_it_had(listening, client):
    client.get(ROLE_PAGE)  # cached under the version every process shares
    before = LISTENER.version
    with pytest.raises(RuntimeError), transaction.atomic():
        role = Role.objects.get(slug="ai-architect")
        role.tagline = "Never committed"
        role.save()
        raise RuntimeError("the save failed after the row was written")
    assert LISTENER.version == before == stored_version()
    page = client.get(ROLE_PAGE)
    assert page["X-Page-Cache"] == "hit"
    assert b"Never committed" not in page.content


@pytest.mark.django_db(transaction=True)
def test_while_the_listener_is_down_each_request_reads_the_version_once(
    listening, client, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(LISTENER, "RETRY_SECONDS", (3,))
    client.get(ROLE_PAGE)
    listener_disconnected()
    poll(lambda: LISTENER.version is None, timeout=5, message="listener down")
    edit_from_another_instance(
        "UPDATE careers_role SET tagline = 'Edited while nobody listened'"
        " WHERE slug = 'ai-architect'"
    )
    assert b"Edited while nobody listened" in client.get(ROLE_PAGE).content
    with django_assert_num_queries(1):
        assert client.get(ROLE_PAGE)["X-Page-Cache"] == "hit"
    monkeypatch.undo()
    poll(lambda: LISTENER.version is not None, timeout=10, message="listener back")
    assert LISTENER.version == current_content_version()
    with django_assert_num_queries(0):
        assert client.get(ROLE_PAGE)["X-Page-Cache"] == "hit"
