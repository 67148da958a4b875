import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from careers.models import (
    FAQ,
    DecisionFactor,
    Question,
    Responsibility,
    Role,
    Source,
    Tool,
    ToolCategory,
)
from careers.seeding import WRITE_ORDER

pytestmark = pytest.mark.django_db

# Every content model, in the order the seed writes them.
CONTENT_MODELS = list(WRITE_ORDER)


def admin_urls(model) -> list[str]:
    name = f"admin:careers_{model._meta.model_name}"
    row = model.objects.order_by("pk").first()
    return [
        reverse(f"{name}_changelist"),
        reverse(f"{name}_add"),
        reverse(f"{name}_change", args=[row.pk]),
    ]


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_render_for_staff(staff_client, seeded, model):
    for url in admin_urls(model):
        response = staff_client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_admin_pages_send_anonymous_visitors_to_login(client, seeded, model):
    for url in admin_urls(model):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda m: m.__name__)
def test_changelist_search_and_seed_status_filter_work(staff_client, seeded, model):
    url = reverse(f"admin:careers_{model._meta.model_name}_changelist")
    assert staff_client.get(url, {"q": "ai"}).status_code == 200
    response = staff_client.get(url, {"seed": "seeded"})
    assert response.status_code == 200
    assert response.context["cl"].result_count == model.objects.count()


def test_seed_status_filter_finds_edited_rows(staff_client, seeded):
    Role.objects.filter(slug="ai-architect").update(tagline="Edited.")
    response = staff_client.get(reverse("admin:careers_role_changelist"), {"seed": "edited"})
    assert [role.slug for role in response.context["cl"].result_list] == ["ai-architect"]


def test_role_change_page_edits_responsibilities_skills_and_salaries_inline(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    response = staff_client.get(reverse("admin:careers_role_change", args=[role.pk]))
    html = response.content.decode()
    for prefix in ("responsibilities", "skills", "salary_ranges"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html
    assert role.responsibilities.first().text in html
    assert 'name="skills-0-emphasis"' in html  # the article's word, not a level
    assert 'name="skills-0-level"' not in html
    assert 'name="skills_summary_section"' in html and 'name="outlook_section"' in html


def role_form_data(role: Role, **changes) -> dict:
    data = {
        "name": role.name,
        "slug": role.slug,
        "tagline": role.tagline,
        "summary": role.summary,
        "summary_section": role.summary_section,
        "career_path": role.career_path,
        "career_path_section": role.career_path_section,
        "work_environment": role.work_environment,
        "work_environment_section": role.work_environment_section,
        "skills_summary": role.skills_summary,
        "skills_summary_section": role.skills_summary_section,
        "outlook": role.outlook,
        "outlook_section": role.outlook_section,
        "order": role.order,
    }
    for prefix, rows, fields in (
        ("responsibilities", role.responsibilities.all(), ["order", "text", "article_section"]),
        ("skills", role.skills.all(), ["area", "emphasis", "description", "article_section"]),
        (
            "salary_ranges",
            role.salary_ranges.all(),
            [
                "label",
                "slug",
                "low",
                "high",
                "median",
                "currency",
                "region",
                "year",
                "note",
                "article_section",
            ],
        ),
    ):
        rows = list(rows)
        data[f"{prefix}-TOTAL_FORMS"] = len(rows)
        data[f"{prefix}-INITIAL_FORMS"] = len(rows)
        for index, row in enumerate(rows):
            data[f"{prefix}-{index}-id"] = row.pk
            data[f"{prefix}-{index}-role"] = role.pk
            for name in fields:
                value = getattr(row, name)
                value = value.pk if hasattr(value, "pk") else value
                data[f"{prefix}-{index}-{name}"] = "" if value is None else value
        if prefix == "salary_ranges":
            for index, row in enumerate(rows):
                data[f"{prefix}-{index}-order"] = row.order
    data.update(changes)
    return data


def test_saving_a_role_with_its_inlines_unchanged_keeps_it_as_seeded(staff_client, seeded):
    from careers.seeding import seed_status

    role = Role.objects.get(slug="ai-architect")
    url = reverse("admin:careers_role_change", args=[role.pk])
    response = staff_client.post(url, role_form_data(role, summary="An editor's summary."))
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    role.refresh_from_db()
    assert role.summary == "An editor's summary."
    assert seed_status(role) == "edited"
    assert {seed_status(r) for r in role.responsibilities.all()} == {"seeded"}


def test_two_responsibilities_may_not_share_an_order(staff_client, seeded):
    role = Role.objects.get(slug="ai-architect")
    data = role_form_data(role, **{"responsibilities-1-order": 1})
    response = staff_client.post(reverse("admin:careers_role_change", args=[role.pk]), data)
    assert response.status_code == 200
    assert "Two responsibilities have the order 1" in response.content.decode()


def test_question_weight_outside_1_to_5_is_a_form_error_not_a_crash(staff_client, seeded):
    question = Question.objects.get(slug="learning-by-building")
    url = reverse("admin:careers_question_change", args=[question.pk])
    response = staff_client.post(
        url,
        {
            "slug": question.slug,
            "factor": question.factor_id,
            "statement": question.statement,
            "leans_toward": question.leans_toward_id,
            "weight": 9,
            "order": question.order,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "question_weight_between_1_and_5" in response.content.decode()
    question.refresh_from_db()
    assert question.weight == 2


def test_question_changelist_edits_weight_and_active_in_place(staff_client, seeded):
    response = staff_client.get(reverse("admin:careers_question_changelist"))
    html = response.content.decode()
    assert 'name="form-0-weight"' in html
    assert 'name="form-0-active"' in html


def test_decision_factor_edits_its_questions_inline(staff_client, seeded):
    factor = DecisionFactor.objects.get(slug="risk-appetite")
    response = staff_client.get(reverse("admin:careers_decisionfactor_change", args=[factor.pk]))
    assert 'name="questions-TOTAL_FORMS"' in response.content.decode()


@pytest.mark.parametrize(
    ("model", "filters"),
    [
        (
            Question,
            {
                "factor": ("decisionfactor", "risk-appetite"),
                "leans_toward": ("role", "ai-architect"),
            },
        ),
        (
            Tool,
            {
                "category": ("toolcategory", "monitoring-and-audit"),
                "roles": ("role", "ai-architect"),
            },
        ),
    ],
)
def test_changelists_filter_on_both_sidebar_filters_at_once(staff_client, seeded, model, filters):
    related = {"decisionfactor": DecisionFactor, "role": Role, "toolcategory": ToolCategory}
    chosen = {
        field: related[kind].objects.get(slug=slug) for field, (kind, slug) in filters.items()
    }
    response = staff_client.get(
        reverse(f"admin:careers_{model._meta.model_name}_changelist"),
        {f"{field}__id__exact": row.pk for field, row in chosen.items()},
    )
    expected = set(model.objects.filter(**chosen))
    assert expected  # the seed has rows matching both filters
    assert set(response.context["cl"].result_list) == expected


@pytest.mark.parametrize(
    ("model", "slug", "expected"),
    [
        (Role, "ai-architect", "/roles/ai-architect/"),
        (FAQ, "was-elon-musk-a-coder", "/faq/was-elon-musk-a-coder/"),
        (Tool, "cursor", "/tools/?category=pair-programming-assistants#tool-cursor"),
        (Source, "levelup-coding-2025", "/sources/#source-levelup-coding-2025"),
    ],
    ids=lambda value: getattr(value, "__name__", None),
)
def test_view_on_site_leads_to_the_public_page(staff_client, seeded, model, slug, expected):
    obj = model.objects.get(slug=slug)
    change = staff_client.get(
        reverse(f"admin:careers_{model._meta.model_name}_change", args=[obj.pk])
    )
    content_type = ContentType.objects.get_for_model(model)
    shortcut = reverse("admin:view_on_site", args=[content_type.pk, obj.pk])
    assert shortcut in change.content.decode()
    response = staff_client.get(shortcut)
    assert response.status_code == 302
    assert response["Location"].endswith(expected)


def test_view_on_site_for_a_responsibility_opens_its_role(staff_client, seeded):
    responsibility = Responsibility.objects.filter(role__slug="ai-pair-programmer").first()
    response = staff_client.get(
        reverse("admin:careers_responsibility_change", args=[responsibility.pk])
    )
    assert 'href="/roles/ai-pair-programmer/"' in response.content.decode()
