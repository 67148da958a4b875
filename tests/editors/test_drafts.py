"""Drafts: saved without publishing, shown on the change form and the list, discarded,
published with who, when and a comment in the history (careers/editors/drafts.py)."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from careers.editable import editable_models
from careers.editors.content_admin import DraftsAdmin
from careers.editors.drafts import DraftConflict, publish
from careers.editors.group import EDITORS_GROUP
from careers.models import FAQ, Draft, Role
from tests.editors.drafting import (
    DRAFT_STAMP,
    TOKEN,
    change_url,
    draft_url,
    opened_token,
    save_draft,
)
from tests.helpers import ARCHITECT
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db


def test_save_as_draft_leaves_the_row_and_the_public_page_as_published(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    published = role.summary
    response = save_draft(client, role, opened_token(client, role), summary="A draft summary.")
    assert response.status_code == 302
    assert response["Location"] == draft_url(role)
    role.refresh_from_db()
    assert role.summary == published
    page = Client().get(role.get_absolute_url()).content.decode()
    assert "A draft summary." not in page
    draft = Draft.objects.for_object(role).get()
    assert draft.data["summary"] == ["A draft summary."]
    assert "_save_draft" not in draft.data and "csrfmiddlewaretoken" not in draft.data


def test_the_change_form_opens_on_the_draft_and_the_list_marks_it(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(client, role, opened_token(client, role), summary="A draft summary.")
    form = client.get(change_url(role)).content.decode()
    assert "A draft summary." in form
    assert "You are editing a draft" in form
    listing = client.get(reverse("admin:careers_role_changelist")).content.decode()
    assert f'href="{draft_url(role)}">Draft, saved' in listing
    other = Role.objects.exclude(pk=role.pk).first()
    assert f'href="{draft_url(other)}"' not in listing


def test_a_draft_keeps_its_inline_rows(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    first = role.responsibilities.order_by("order").first()
    index = list(role.responsibilities.all()).index(first)
    changed = {f"responsibilities-{index}-text": "Draws the system in a draft."}
    save_draft(client, role, opened_token(client, role), **changed)
    first.refresh_from_db()
    assert first.text != "Draws the system in a draft."
    shown = client.get(draft_url(role)).context["changes"]  # "what the draft changes"
    assert [c.new for c in shown] == ["Draws the system in a draft."]
    assert shown[0].field.endswith(": Text")


def test_a_draft_is_discarded_and_the_published_version_stays(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(client, role, opened_token(client, role), summary="A draft summary.")
    stamp = DRAFT_STAMP.search(client.get(draft_url(role)).content.decode()).group(1)
    response = client.post(draft_url(role), {"_draft_stamp": stamp, "_discard": "1"})
    assert response.status_code == 302
    assert not Draft.objects.exists()
    assert "A draft summary." not in client.get(change_url(role)).content.decode()


def test_publishing_records_who_when_and_the_comment(ada, seeded):
    user, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(client, role, opened_token(client, role), summary="A published summary.")
    stamp = DRAFT_STAMP.search(client.get(draft_url(role)).content.decode()).group(1)
    response = client.post(
        draft_url(role), {"_draft_stamp": stamp, "_publish": "1", "comment": "Clearer opening"}
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.summary == "A published summary."
    assert not Draft.objects.exists()
    revision = Version.objects.get_for_object(role).order_by("-pk").first().revision
    assert revision.user == user
    assert revision.get_comment() == "Published: Clearer opening"
    assert "A published summary." in Client().get(role.get_absolute_url()).content.decode()
    history = client.get(reverse("admin:careers_role_history", args=[role.pk])).content.decode()
    assert "Published: Clearer opening" in history and "ada@example.com" in history


def test_save_on_a_form_showing_the_draft_publishes_it(ada, grace, seeded):
    _, ada_client = ada
    _, grace_client = grace
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(ada_client, role, opened_token(ada_client, role), summary="Ada's draft.")
    # Grace opens the form (on Ada's draft), changes the tagline too and saves: all live.
    token = opened_token(grace_client, role)
    data = role_form_data(role, summary="Ada's draft.", tagline="Grace's tagline.")
    response = grace_client.post(change_url(role), {**data, "_editing_token": token})
    assert response.status_code == 302
    role.refresh_from_db()
    assert (role.summary, role.tagline) == ("Ada's draft.", "Grace's tagline.")
    assert not Draft.objects.exists()


def test_publish_refuses_a_draft_whose_row_changed_since(ada, seeded):
    user, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(client, role, opened_token(client, role), summary="Ada's draft.")
    Role.objects.filter(pk=role.pk).update(tagline="Changed by a script.")
    with pytest.raises(DraftConflict) as refused:
        publish(Draft.objects.get(), user, "go")
    assert "after you opened it" in refused.value.conflict.message
    role.refresh_from_db()
    assert role.summary != "Ada's draft."
    assert Draft.objects.exists()


def test_a_bad_schedule_time_gets_a_clear_message_and_changes_nothing(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(client, role, opened_token(client, role), summary="Ada's draft.")
    stamp = DRAFT_STAMP.search(client.get(draft_url(role)).content.decode()).group(1)
    for when, says in (("tomorrow-ish", "Enter a valid date/time"), ("2001-01-01T10:00", "future")):
        response = client.post(
            draft_url(role), {"_draft_stamp": stamp, "_schedule": "1", "publish_at": when}
        )
        assert response.status_code == 400
        assert says in response.content.decode()
    assert Draft.objects.get().publish_at is None


def test_every_content_admin_has_drafts(seeded):
    for model in editable_models():
        assert isinstance(admin.site._registry[model], DraftsAdmin), model


def test_an_faq_draft_is_published(ada, seeded):
    user, client = ada
    faq = FAQ.objects.first()
    url = reverse("admin:careers_faq_change", args=[faq.pk])
    html = client.get(url).content.decode()
    assert 'name="_save_draft"' in html
    data = {
        "question": faq.question,
        "slug": faq.slug,
        "answer": "A drafted answer.",
        "related_role": faq.related_role_id or "",
        "article_section": faq.article_section,
        "attribution": faq.attribution,
        "order": faq.order,
        "_editing_token": TOKEN.search(html).group(1),
        "_save_draft": "1",
    }
    assert client.post(url, data).status_code == 302
    publish(Draft.objects.get(), user, "")
    faq.refresh_from_db()
    assert faq.answer == "A drafted answer."


def test_the_editors_group_may_save_discard_and_publish_drafts_and_nothing_on_people():
    group = Group.objects.get(name=EDITORS_GROUP)
    on_drafts = set(
        group.permissions.filter(content_type__model="draft").values_list("codename", flat=True)
    )
    assert on_drafts == {"add_draft", "change_draft", "delete_draft", "view_draft", "publish_draft"}
    apps = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert apps == {"careers"}  # nothing on users, groups, lockouts or logs


def test_staff_without_the_publish_right_cannot_publish(ada, django_user_model, seeded):
    _, ada_client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(ada_client, role, opened_token(ada_client, role), summary="Ada's draft.")
    reader = django_user_model.objects.create_user(username="reader", is_staff=True)
    from django.contrib.auth.models import Permission

    reader.user_permissions.add(
        *Permission.objects.filter(codename__in=["change_role", "view_role"])
    )
    client = Client()
    client.force_login(reader)
    page = client.get(draft_url(role)).content.decode()
    assert 'name="_publish"' not in page
    stamp = Draft.objects.get().stamp
    assert client.post(draft_url(role), {"_draft_stamp": stamp, "_publish": "1"}).status_code == 403
    role.refresh_from_db()
    assert role.summary != "Ada's draft."


def test_deleting_a_row_takes_its_draft_with_it(ada, seeded):
    user, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(client, role, opened_token(client, role), summary="A draft summary.")
    faq = FAQ.objects.first()
    faq_draft = Draft.objects.create(
        content_type=ContentType.objects.get_for_model(FAQ),
        object_id=str(faq.pk),
        object_repr=str(faq),
        data={"answer": ["A drafted answer."]},
        base_token="",
        saved_by=user,
        saved_at=timezone.now(),
    )
    faq.delete()
    assert not Draft.objects.filter(pk=faq_draft.pk).exists()
    assert Draft.objects.for_object(role).exists()  # another row's draft stays
