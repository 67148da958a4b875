"""The Editors group: content and questionnaire yes; people, lockouts, deleting results no."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from careers.editors.group import EDITORS_GROUP, ensure_editors_group
from careers.models import AssessmentResult, PageCopy, Question, Role
from tests.helpers import ARCHITECT, make_editor, make_result, question_form_data
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client():
    client = Client()  # its own, so a test can hold an administrator's beside it
    client.force_login(make_editor("ada@example.com"))
    return client


@pytest.fixture
def result(seeded):
    return make_result(ARCHITECT)


def test_the_group_exists_after_migrate_with_exactly_its_permissions():
    group = Group.objects.get(name=EDITORS_GROUP)
    granted = {(p.content_type.app_label, p.codename) for p in group.permissions.all()}
    assert ("careers", "change_role") in granted
    assert ("careers", "delete_question") in granted
    assert ("careers", "add_decisionfactor") in granted
    assert ("careers", "view_assessmentresult") in granted
    assert ("careers", "delete_assessmentresult") not in granted
    assert ("careers", "change_questionnaire") not in granted
    assert {app for app, _ in granted} == {"careers"}  # nothing on auth, axes, admin logs


def test_the_group_is_put_right_when_someone_widened_it():
    group = Group.objects.get(name=EDITORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="delete_user"))
    ensure_editors_group()
    assert not group.permissions.filter(codename="delete_user").exists()


def test_an_editor_changes_a_role_and_a_question(editor_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    response = editor_client.post(
        reverse("admin:careers_role_change", args=[role.pk]),
        role_form_data(role, summary="An editor's summary."),
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.summary == "An editor's summary."

    question = Question.objects.active().first()
    response = editor_client.post(
        reverse("admin:careers_question_change", args=[question.pk]),
        question_form_data(question, statement="I learn best by building things."),
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.statement == "I learn best by building things."


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:auth_user_changelist",
        "admin:auth_user_add",
        "admin:auth_group_changelist",
        "admin:axes_accessattempt_changelist",
        "admin:axes_accesslog_changelist",
        "admin:axes_accessfailurelog_changelist",
    ],
)
def test_an_editor_cannot_reach_people_or_lockouts(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_an_editor_sees_results_but_cannot_delete_them(editor_client, result):
    listing = editor_client.get(reverse("admin:careers_assessmentresult_changelist"))
    assert listing.status_code == 200
    assert "delete_selected" not in listing.content.decode()
    delete = reverse("admin:careers_assessmentresult_delete", args=[result.pk])
    assert editor_client.get(delete).status_code == 403
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    bulk = editor_client.post(
        reverse("admin:careers_assessmentresult_changelist"),
        {"action": "delete_selected", "_selected_action": [result.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    assert AssessmentResult.objects.filter(pk=result.pk).exists()


def test_the_index_is_grouped_and_people_is_for_administrators_only(
    editor_client, staff_client, seeded
):
    sections = [app["name"] for app in staff_client.get(reverse("admin:index")).context["app_list"]]
    assert sections == ["Content", "Assessment", "People"]
    editor_index = editor_client.get(reverse("admin:index"))
    assert [app["name"] for app in editor_index.context["app_list"]] == ["Content", "Assessment"]
    html = editor_index.content.decode()
    assert "RoleFit administration" in html
    assert "| RoleFit admin</title>" in html
    content = editor_index.context["app_list"][0]
    assert [m["object_name"] for m in content["models"]][:2] == ["Role", "Responsibility"]


def test_help_text_says_what_a_weight_does(editor_client, seeded):
    question = Question.objects.active().first()
    html = editor_client.get(
        reverse("admin:careers_question_change", args=[question.pk])
    ).content.decode()
    assert "agreement is a weighted mean of its statements, so a weight changes the balance" in html
    role = Role.objects.get(slug="ai-architect")
    html = editor_client.get(reverse("admin:careers_role_change", args=[role.pk])).content.decode()
    assert "The opening paragraph of the role" in html  # a role's own field
    assert "one word for this skill in this role" in html  # an inline's field


def test_an_editor_restores_a_role_from_its_history(editor_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    original = role.summary
    url = reverse("admin:careers_role_change", args=[role.pk])
    editor_client.post(url, role_form_data(role, summary="A mistake."))
    history = editor_client.get(reverse("admin:careers_role_history", args=[role.pk]))
    assert "<ins>A mistake.</ins>" in history.content.decode()  # no word in common
    first = history.context["history_entries"][-1]["url"]
    assert editor_client.post(first).status_code == 302
    role.refresh_from_db()
    assert role.summary == original


def test_someone_without_change_permission_cannot_restore(client, django_user_model, seeded):
    viewer = django_user_model.objects.create_user(username="viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_role"))
    client.force_login(viewer)
    role = Role.objects.get(slug="ai-architect")
    from reversion.models import Version

    version = Version.objects.get_for_object(role).first()
    url = reverse("admin:careers_role_revision", args=[role.pk, version.pk])
    assert client.post(url).status_code == 403


def test_every_changelist_has_search_and_filters_that_answer(staff_client, seeded):
    from django.contrib import admin

    for model, model_admin in admin.site._registry.items():
        assert model_admin.search_fields, model
        if model is not Group:  # a handful of named rows: nothing to filter on
            assert model_admin.list_filter, model
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert staff_client.get(url, {"q": "ai"}).status_code == 200, url


def test_editors_reword_page_copy_but_neither_add_nor_delete_it(editor_client, seeded):
    group = Group.objects.get(name=EDITORS_GROUP)
    granted = set(group.permissions.values_list("codename", flat=True))
    assert {"change_pagecopy", "view_pagecopy"} <= granted
    assert {"add_pagecopy", "delete_pagecopy"} & granted == set()
    copy = PageCopy.objects.get(key="home.hero.title")
    response = editor_client.post(
        reverse("admin:careers_pagecopy_change", args=[copy.pk]), {"text": "Which role is yours?"}
    )
    assert response.status_code == 302
    assert editor_client.get(reverse("admin:careers_pagecopy_add")).status_code == 403
    assert (
        editor_client.get(reverse("admin:careers_pagecopy_delete", args=[copy.pk])).status_code
        == 403
    )


def test_editors_see_the_content_checks_page(editor_client, seeded):
    response = editor_client.get(reverse("admin:content_checks"))
    assert response.status_code == 200
    assert "Content checks" in response.content.decode()


def test_long_text_gets_a_text_area_as_tall_as_its_text(editor_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    html = editor_client.get(reverse("admin:careers_role_change", args=[role.pk])).content.decode()
    for name, text in (("tagline", role.tagline), ("summary", role.summary)):
        match = re.search(rf'<textarea name="{name}" cols="80" rows="(\d+)"', html)
        assert match, f"{name} is not a text area"
        # A line per 80 characters and one to spare: all of the text shows.
        assert int(match.group(1)) >= len(text) // 80 + 2
    assert '<input type="text" name="name"' in html  # a short name stays one line
    question = Question.objects.active().first()
    html = editor_client.get(
        reverse("admin:careers_question_change", args=[question.pk])
    ).content.decode()
    assert '<textarea name="statement"' in html
