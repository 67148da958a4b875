"""No lost updates: the second of two editors saving from the same start is refused and
shown what the first changed (careers/editors/drafts.py)."""

import pytest
from django.urls import reverse

from careers.models import Draft, Role
from tests.editors.drafting import change_url, opened_token, save_draft
from tests.helpers import ARCHITECT
from tests.test_admin import role_form_data

pytestmark = pytest.mark.django_db


def save(client, role, token: str, **changes):
    return client.post(
        change_url(role), {**role_form_data(role, **changes), "_editing_token": token}
    )


def test_the_second_save_from_the_same_start_is_refused_showing_the_first(ada, grace, seeded):
    _, ada_client = ada
    _, grace_client = grace
    role = Role.objects.get(slug=ARCHITECT)
    published_tagline = role.tagline
    ada_token, grace_token = opened_token(ada_client, role), opened_token(grace_client, role)

    assert save(ada_client, role, ada_token, summary="Ada's summary.").status_code == 302
    refused = save(grace_client, role, grace_token, tagline="Grace's tagline.")

    assert refused.status_code == 200  # the form again, with Grace's edits in it
    html = refused.content.decode()
    assert "ada@example.com saved this role at" in html
    assert "Your change was not saved" in html
    conflict = refused.context["conflict"]
    assert [(c.field, c.new) for c in conflict.changes] == [("Summary", "Ada's summary.")]
    assert "Grace&#x27;s tagline.</textarea>" in html  # her edit kept in its text area
    role.refresh_from_db()
    assert (role.summary, role.tagline) == ("Ada's summary.", published_tagline)


def test_after_seeing_the_conflict_saving_again_goes_through(ada, grace, seeded):
    _, ada_client = ada
    _, grace_client = grace
    role = Role.objects.get(slug=ARCHITECT)
    grace_token = opened_token(grace_client, role)
    save(ada_client, role, opened_token(ada_client, role), summary="Ada's summary.")
    refused = save(grace_client, role, grace_token, tagline="Grace's tagline.")
    fresh = refused.context["editing_token"]
    assert fresh != grace_token
    role.refresh_from_db()
    kept = save(grace_client, role, fresh, tagline="Grace's tagline.")
    assert kept.status_code == 302
    role.refresh_from_db()
    assert (role.summary, role.tagline) == ("Ada's summary.", "Grace's tagline.")


def test_a_mistake_in_the_form_keeps_the_start_it_came_from(ada, grace, seeded):
    _, ada_client = ada
    _, grace_client = grace
    role = Role.objects.get(slug=ARCHITECT)
    grace_token = opened_token(grace_client, role)
    mistake = save(grace_client, role, grace_token, name="")
    assert mistake.context["editing_token"] == grace_token
    save(ada_client, role, opened_token(ada_client, role), summary="Ada's summary.")
    assert save(grace_client, role, grace_token, tagline="Grace's.").status_code == 200


def test_a_draft_saved_by_someone_else_since_refuses_the_second_draft(ada, grace, seeded):
    _, ada_client = ada
    _, grace_client = grace
    role = Role.objects.get(slug=ARCHITECT)
    ada_token, grace_token = opened_token(ada_client, role), opened_token(grace_client, role)
    assert save_draft(ada_client, role, ada_token, summary="Ada's draft.").status_code == 302
    refused = save_draft(grace_client, role, grace_token, summary="Grace's draft.")
    assert refused.status_code == 200
    assert "ada@example.com saved a draft of this role" in refused.content.decode()
    assert [c.new for c in refused.context["conflict"].changes] == ["Ada's draft."]
    assert Draft.objects.get().data["summary"] == ["Ada's draft."]


def test_saving_over_a_draft_saved_since_is_refused(ada, grace, seeded):
    _, ada_client = ada
    _, grace_client = grace
    role = Role.objects.get(slug=ARCHITECT)
    grace_token = opened_token(grace_client, role)
    save_draft(ada_client, role, opened_token(ada_client, role), summary="Ada's draft.")
    assert save(grace_client, role, grace_token, tagline="Grace's.").status_code == 200
    assert Draft.objects.exists()  # Ada's draft is neither published nor lost


def test_publishing_a_draft_another_editor_saved_again_since_is_refused(ada, grace, seeded):
    _, ada_client = ada
    _, grace_client = grace
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(ada_client, role, opened_token(ada_client, role), summary="Ada's draft.")
    url = reverse("admin:careers_role_draft", args=[role.pk])
    stamp = Draft.objects.get().stamp  # Grace opens the draft page
    save_draft(ada_client, role, opened_token(ada_client, role), summary="Ada's second go.")
    response = grace_client.post(url, {"_draft_stamp": stamp, "_publish": "1"}, follow=True)
    assert "saved this draft again" in response.content.decode()
    role.refresh_from_db()
    assert role.summary not in ("Ada's draft.", "Ada's second go.")


def test_a_forged_token_is_refused_with_a_message_not_an_error(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    response = save(client, role, "not-a-token", summary="Whatever.")
    assert response.status_code == 200
    assert "does not say which version" in response.content.decode()
    role.refresh_from_db()
    assert role.summary != "Whatever."
