"""Every content change in the history, shown as a diff, and restored in one click."""

import re
from collections import Counter

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from reversion.models import Version

from careers.history.diff import Change
from careers.models import Question, Responsibility, Role
from careers.seeding import WRITE_ORDER, seed_status
from rolefit.caching import current_content_version
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db

EDITED = "Architects plan whole AI systems. A mistaken summary, saved by an editor."


def change_url(role):
    return reverse("admin:careers_role_change", args=[role.pk])


def history_url(role):
    return reverse("admin:careers_role_history", args=[role.pk])


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).order_by("pk"))


def edit_role(client, role, **changes):
    response = client.post(change_url(role), role_form_data(role, **changes))
    assert response.status_code == 302, response.content.decode()[:2000]


def test_seed_and_admin_saves_are_recorded_with_who_and_why(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    [seeded_version] = versions_of(role)
    assert seeded_version.revision.get_comment() == "seed_content"
    assert seeded_version.revision.user is None

    edit_role(staff_client, role, summary=EDITED)
    latest = versions_of(role)[-1]
    assert latest.revision.user.username == "editor"
    assert "Changed Summary" in latest.revision.get_comment()
    # The role's inline rows travel in its revision.
    kinds = {v.content_type.model for v in latest.revision.version_set.all()}
    assert {"role", "responsibility", "roleskill", "salaryrange"} <= kinds


def test_history_shows_each_change_field_by_field_old_and_new(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    original = role.summary
    first = role.responsibilities.order_by("order").first()
    edit_role(
        staff_client, role, summary=EDITED, **{"responsibilities-0-text": "A new first duty."}
    )
    response = staff_client.get(history_url(role))
    latest = response.context["history_entries"][0]["changes"]
    assert {(c.field, c.old, c.new) for c in latest} == {
        ("Summary", original, EDITED),
        (f"Responsibility “{first.text[:57]}…”: Text", first.text, "A new first duty."),
    }
    html = response.content.decode()
    assert "First recorded version." in html
    assert '<th scope="row">Summary</th>' in html
    assert "<ins>A new first duty.</ins>" in html
    # Restoring is asked for, not done, from the history: the current version has no link.
    assert html.count(">Restore this version…</a>") == 1
    assert "<form" not in html.split('id="change-history"')[1]


def test_restore_puts_back_the_role_and_its_inlines_and_the_page_shows_it(
    staff_client, client, seeded, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    role = Role.objects.get(slug="ai-architect")
    original = role.summary
    page = role.get_absolute_url()
    opening = escape(original.split(". ")[0])
    assert opening in client.get(page).content.decode()  # now in the page cache

    data = role_form_data(role, summary=EDITED)
    count = data["responsibilities-TOTAL_FORMS"]
    data.update(
        {
            "responsibilities-TOTAL_FORMS": count + 1,
            f"responsibilities-{count}-order": 99,
            f"responsibilities-{count}-text": "A duty added by mistake.",
            f"responsibilities-{count}-article_section": role.summary_section,
        }
    )
    with django_capture_on_commit_callbacks(execute=True):  # the content version moves
        assert staff_client.post(change_url(role), data).status_code == 302
    assert "A mistaken summary" in client.get(page).content.decode()

    before = current_content_version()
    seeded_version = versions_of(role)[0]
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:careers_role_revision", args=[role.pk, seeded_version.pk])
        )
    assert response.status_code == 302
    assert response["Location"] == change_url(role)

    role.refresh_from_db()
    assert role.summary == original
    assert not role.responsibilities.filter(text="A duty added by mistake.").exists()
    assert current_content_version() != before
    html = client.get(page).content.decode()
    assert opening in html
    assert "A mistaken summary" not in html
    # The restore is itself in the history, with what it changed, so it can be undone.
    restore = versions_of(role)[-1]
    assert restore.revision.get_comment().startswith("Restored the version of")
    history = staff_client.get(history_url(role)).context["history_entries"]
    assert ("Summary", EDITED, original) in {(c.field, c.old, c.new) for c in history[0]["changes"]}


def test_restore_rebuilds_the_search_document(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    edit_role(staff_client, role, summary="Zanzibarian quokkas everywhere.")
    assert Role.objects.filter(search_vector=SearchQuery("quokkas"), pk=role.pk).exists()
    staff_client.post(
        reverse("admin:careers_role_revision", args=[role.pk, versions_of(role)[0].pk])
    )
    assert not Role.objects.filter(search_vector=SearchQuery("quokkas")).exists()
    word = role.summary.split()[3]
    assert Role.objects.filter(search_vector=SearchQuery(word), pk=role.pk).exists()


def test_restoring_a_version_from_the_seed_touches_only_that_role(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    other = Role.objects.exclude(pk=role.pk).first()
    Role.objects.filter(pk=other.pk).update(tagline="Another role's edit, kept.")
    edit_role(staff_client, role, summary=EDITED)
    staff_client.post(
        reverse("admin:careers_role_revision", args=[role.pk, versions_of(role)[0].pk])
    )
    other.refresh_from_db()
    assert other.tagline == "Another role's edit, kept."


def test_a_restored_row_keeps_its_seed_status_honest(staff_client, seeded, capsys):
    role = Role.objects.get(slug="ai-architect")
    edit_role(staff_client, role, summary=EDITED)
    edited_version = versions_of(role)[-1]
    role.refresh_from_db()
    assert seed_status(role) == "edited"

    # Back to the seeded text: seeded again, and re-seeding has nothing to keep.
    staff_client.post(
        reverse("admin:careers_role_revision", args=[role.pk, versions_of(role)[0].pk])
    )
    role.refresh_from_db()
    assert seed_status(role) == "seeded"
    call_command("seed_content")
    assert "kept-edited 1" not in capsys.readouterr().out

    # Forward to the edited text: edited, and re-seeding keeps it.
    staff_client.post(reverse("admin:careers_role_revision", args=[role.pk, edited_version.pk]))
    role.refresh_from_db()
    assert role.summary == EDITED
    assert seed_status(role) == "edited"
    call_command("seed_content")
    role.refresh_from_db()
    assert role.summary == EDITED


def test_version_page_shows_what_restoring_would_change(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    original = role.summary
    edit_role(staff_client, role, summary=EDITED)
    url = reverse("admin:careers_role_revision", args=[role.pk, versions_of(role)[0].pk])
    response = staff_client.get(url)
    html = response.content.decode()
    assert "What restoring this version changes" in html
    assert 'value="Yes, restore this version"' in html  # asks before it restores
    assert "Restoring changes the 1 line above back to this version." in html
    changes = {(c.field, c.old, c.new) for c in response.context["restore_changes"]}
    assert changes == {("Summary", EDITED, original)}
    role.refresh_from_db()
    assert role.summary == EDITED  # looking changes nothing


def test_a_question_change_and_its_restore_are_in_the_factor_history_too(staff_client, seeded):
    question = Question.objects.get(slug="learning-by-building")
    staff_client.post(
        reverse("admin:careers_question_changelist"),
        {
            "form-TOTAL_FORMS": 1,
            "form-INITIAL_FORMS": 1,
            "form-0-id": question.pk,
            "form-0-weight": 5,
            "form-0-active": "on",
            "_save": "Save",
        },
    )
    question.refresh_from_db()
    assert question.weight == 5  # a list edit is recorded like any other save
    [seeded_version, _list_edit] = versions_of(question)
    html = staff_client.get(
        reverse("admin:careers_question_history", args=[question.pk])
    ).content.decode()
    assert "<del>2</del>" in html and "<ins>5</ins>" in html
    staff_client.post(
        reverse("admin:careers_question_revision", args=[question.pk, seeded_version.pk])
    )
    question.refresh_from_db()
    assert question.weight == 2


def test_a_diff_marks_only_the_words_that_differ():
    change = Change(
        "Summary", "Architects <design> whole systems.", "Architects plan whole systems."
    )
    assert change.old_html == "Architects <del>&lt;design&gt; </del>whole systems."
    assert change.new_html == "Architects <ins>plan </ins>whole systems."


def test_import_content_is_recorded(staff_client, seeded, tmp_path):
    document = tmp_path / "content.json"
    call_command("export_content", output=document)
    call_command("import_content", str(document), verbosity=0)
    # Unchanged rows are not saved, so nothing new; change one, and its row is recorded.
    Responsibility.objects.filter(pk=Responsibility.objects.first().pk).update(text="Changed.")
    call_command("import_content", str(document), verbosity=0)
    comments = {v.revision.get_comment() for v in versions_of(Responsibility.objects.first())}
    assert f"import_content {document}" in comments


def test_deleted_rows_can_be_brought_back(staff_client, seeded):
    question = Question.objects.get(slug="learning-by-building")
    pk = question.pk
    question.delete()
    listing = staff_client.get(reverse("admin:careers_question_recoverlist"))
    [version] = listing.context["deleted"]
    response = staff_client.post(reverse("admin:careers_question_recover", args=[version.pk]))
    assert response.status_code == 302
    assert Question.objects.get(pk=pk).statement == question.statement


def test_unknown_versions_are_404_not_500(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    other = Role.objects.exclude(pk=role.pk).first()
    other_version = versions_of(other)[0]
    for url in (
        reverse("admin:careers_role_revision", args=[role.pk, 999_999]),
        reverse("admin:careers_role_revision", args=[role.pk, other_version.pk]),
        reverse("admin:careers_role_recover", args=[other_version.pk]),  # not deleted
    ):
        assert staff_client.get(url).status_code == 404, url
        assert staff_client.post(url).status_code == 404, url


def test_rows_from_before_the_history_get_a_first_version_so_an_edit_can_be_undone(
    staff_client, seeded
):
    from careers.history.registry import record_unversioned_rows

    Version.objects.all().delete()  # a database older than the history
    assert record_unversioned_rows() == sum(m.objects.count() for m in WRITE_ORDER)
    assert record_unversioned_rows() == 0  # cheap at every start: nothing left to do
    role = Role.objects.get(slug="ai-architect")
    original = role.summary
    edit_role(staff_client, role, summary=EDITED)
    [before, _edit] = versions_of(role)
    assert before.revision.get_comment() == "As it was when the history started."
    staff_client.post(reverse("admin:careers_role_revision", args=[role.pk, before.pk]))
    role.refresh_from_db()
    assert role.summary == original


def test_the_history_page_reads_each_related_name_once(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")

    def tables_read():
        """How many queries of the history page read each table."""
        with CaptureQueriesContext(connection) as queries:
            response = staff_client.get(history_url(role))
        assert response.status_code == 200
        tables = Counter(re.findall(r'FROM "(\w+)"', " ".join(q["sql"] for q in queries)))
        return tables, len(response.context["history_entries"])

    first, versions = tables_read()
    assert versions == 1
    for index in range(5):
        role.refresh_from_db()
        edit_role(staff_client, role, summary=f"Edit number {index}.")
    later, versions = tables_read()
    assert versions == 6
    # Six versions of the role, its responsibilities, skills and salaries name the roles and
    # skill areas dozens of times: each table is read once for all of them (the roles'
    # twice in all: once more for the role itself), as it was for a single version.
    assert later["careers_skillarea"] == first["careers_skillarea"] == 1
    assert later["careers_role"] == first["careers_role"] == 2
