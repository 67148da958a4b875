"""Preview: a draft on the real public page, for staff only, marked, never cached
(careers/editors/middleware.py, rolefit/caching/private.py)."""

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.test import Client
from django.utils.html import escape

from careers.models import FAQ, Draft, Role
from tests.editors.drafting import opened_token, save_draft
from tests.helpers import ARCHITECT

pytestmark = pytest.mark.django_db

BANNER = "Preview of a draft."


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True  # as in production: pages and memos are kept
    cache.clear()


@pytest.fixture
def drafted(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    save_draft(client, role, opened_token(client, role), summary="A previewed summary.")
    return role, Draft.objects.get()


def test_staff_see_the_draft_on_the_public_page_marked_and_uncached(ada, drafted):
    _, client = ada
    role, draft = drafted
    page = role.get_absolute_url()
    Client().get(page)  # the published page is in the page cache
    response = client.get(f"{page}?preview={draft.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "A previewed summary." in html
    assert BANNER in html
    assert response["Cache-Control"] == "private, no-store"
    assert "X-Page-Cache" not in response


def test_after_a_preview_visitors_and_caches_still_have_the_published_page(ada, drafted):
    _, client = ada
    role, draft = drafted
    page = role.get_absolute_url()
    client.get(f"{page}?preview={draft.pk}")
    client.get(f"{page}?preview={draft.pk}")
    for visitor in (Client(), Client()):
        html = visitor.get(page).content.decode()
        assert "A previewed summary." not in html and BANNER not in html
        assert escape(role.summary.split(". ")[0]) in html
    role.refresh_from_db()
    assert role.summary != "A previewed summary."  # the preview's changes were rolled back


def test_a_visitor_asking_for_a_preview_gets_the_published_page(drafted):
    role, draft = drafted
    response = Client().get(f"{role.get_absolute_url()}?preview={draft.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "A previewed summary." not in html and BANNER not in html


def test_a_preview_of_a_gone_draft_says_so(ada, seeded):
    _, client = ada
    role = Role.objects.get(slug=ARCHITECT)
    response = client.get(f"{role.get_absolute_url()}?preview=999999")
    assert response.status_code == 404
    assert "published or discarded" in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"


def test_the_draft_page_links_to_the_preview(ada, drafted):
    _, client = ada
    role, draft = drafted
    from django.urls import reverse

    html = client.get(reverse("admin:careers_role_draft", args=[role.pk])).content.decode()
    assert f'href="{role.get_absolute_url()}?preview={draft.pk}"' in html


def test_an_faq_preview_shows_the_drafted_answer_on_the_faq_page(ada, seeded):
    from tests.editors.drafting import TOKEN

    _, client = ada
    faq = FAQ.objects.first()
    from django.urls import reverse

    url = reverse("admin:careers_faq_change", args=[faq.pk])
    token = TOKEN.search(client.get(url).content.decode()).group(1)
    data = {
        "question": faq.question,
        "slug": faq.slug,
        "answer": "A drafted answer to preview.",
        "related_role": faq.related_role_id or "",
        "article_section": faq.article_section,
        "attribution": faq.attribution,
        "order": faq.order,
        "_editing_token": token,
        "_save_draft": "1",
    }
    client.post(url, data)
    draft = Draft.objects.get()
    html = client.get(f"{faq.get_absolute_url()}?preview={draft.pk}").content.decode()
    assert "A drafted answer to preview." in html
    assert (
        "A drafted answer to preview." not in Client().get(faq.get_absolute_url()).content.decode()
    )


def test_a_statement_previews_on_the_methodology_page(ada, seeded):
    from django.urls import reverse

    from careers.editors.drafts import draft_save, editing_token
    from careers.editors.middleware import preview_url
    from careers.models import Question
    from tests.helpers import question_form_data

    user, client = ada
    question = Question.objects.filter(active=True).first()
    posted = QueryDict(mutable=True)
    for name, value in question_form_data(
        question, statement="A statement being previewed."
    ).items():
        posted[name] = str(value)
    draft = draft_save(question, posted=posted, user=user, base_token=str(editing_token(question)))
    url = preview_url(draft)
    assert url.startswith(reverse("careers:assessment_methodology"))
    assert "A statement being previewed." in client.get(url).content.decode()


def test_a_statement_preview_on_the_assessment_form_leaves_its_memo_alone(ada, seeded):
    from careers.editors.drafts import draft_save, editing_token
    from careers.models import Question
    from tests.helpers import question_form_data

    user, client = ada
    visitor = Client()
    question = Question.objects.filter(active=True).first()
    assert question.statement in visitor.get("/assessment/").content.decode()  # memoised
    posted = QueryDict(mutable=True)
    for name, value in question_form_data(question, statement="A drafted statement.").items():
        posted[name] = str(value)
    draft = draft_save(question, posted=posted, user=user, base_token=str(editing_token(question)))
    preview = client.get(f"/assessment/?preview={draft.pk}").content.decode()
    assert "A drafted statement." in preview
    shown = visitor.get("/assessment/").content.decode()
    assert "A drafted statement." not in shown
    assert escape(question.statement) in shown
