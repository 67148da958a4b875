import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careers.models import (
    FAQ,
    DecisionFactor,
    Question,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SkillArea,
    Source,
    Tool,
    ToolCategory,
)
from careers.seeding import SEED_DIR, WRITE_ORDER, content_queryset, seed_status

pytestmark = pytest.mark.django_db

ARTICLE_TOOLS = [
    "GitHub Copilot", "Cursor", "Amazon CodeWhisperer", "Codeium", "Tabnine", "Claude Code",
    "Grok", "Claude 4", "Gemini", "GPT-5", "VS Code", "JetBrains IDEs",
    "TensorFlow", "PyTorch", "ONNX", "LangChain", "Ray", "Azure ML", "Vertex AI",
    "AWS SageMaker", "Lucidchart", "draw.io", "Jira", "Miro", "GitHub Actions", "Dependabot",
    "MLflow", "Evidently AI", "Kibana", "Prometheus",
]  # fmt: skip


def seed(*args: str, seed_dir: Path | None = None) -> str:
    out = StringIO()
    options = {"seed_dir": seed_dir} if seed_dir else {}
    call_command("seed_content", *args, stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in WRITE_ORDER}


def copy_seed(tmp_path: Path) -> Path:
    target = tmp_path / "seed"
    shutil.copytree(SEED_DIR, target)
    return target


def edit_seed_file(seed_dir: Path, name: str, change) -> None:
    path = seed_dir / name
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def report_line(output: str, label: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(label))


def test_seeding_twice_creates_no_duplicates(seeded):
    first = counts()
    output = seed()
    assert counts() == first
    assert first["Role"] == 2
    assert first["Responsibility"] == 11
    assert first["SkillArea"] == 5
    assert first["RoleSkill"] == 10
    assert first["Tool"] >= 25
    assert first["SalaryRange"] >= 2
    assert first["DecisionFactor"] == 5
    # Retired statements stay in the seed, inactive, so a re-seed switches them off.
    assert Question.objects.active().count() == 24  # 3 per side on 4 scored factors
    assert first["FAQ"] == 4
    assert first["Source"] == 7  # the article's reference list
    assert first["KeyPoint"] >= 9
    for line in output.splitlines():
        assert "created 0  updated 0" in line and "kept-edited 0" in line


def test_every_seeded_row_carries_the_fingerprint_of_its_values(seeded):
    for model in WRITE_ORDER:
        assert {seed_status(row) for row in content_queryset(model)} == {"seeded"}, model


def test_roles_carry_the_article_content(seeded):
    assert set(Role.objects.values_list("slug", flat=True)) == {
        "ai-pair-programmer",
        "ai-architect",
    }
    for role in Role.objects.all():
        assert role.tagline and role.summary and role.career_path and role.work_environment
        assert role.skills_summary and role.outlook
        assert role.skills.count() == 5
    assert Responsibility.objects.filter(role__slug="ai-pair-programmer").count() == 5
    assert Responsibility.objects.filter(role__slug="ai-architect").count() == 6
    assert set(SkillArea.objects.values_list("name", flat=True)) == {
        "Coding proficiency",
        "AI/ML expertise",
        "System design",
        "Problem-solving style",
        "Communication skills",
    }


def test_skills_carry_the_articles_contrast_words_not_levels(seeded):
    contrasts = {
        (skill.area.slug, skill.role.slug): skill.emphasis
        for skill in RoleSkill.objects.select_related("area", "role")
    }
    assert contrasts == {
        ("coding-proficiency", "ai-pair-programmer"): "Deep",
        ("coding-proficiency", "ai-architect"): "Broad",
        ("ai-ml-expertise", "ai-pair-programmer"): "Practical",
        ("ai-ml-expertise", "ai-architect"): "Strategic",
        ("system-design", "ai-pair-programmer"): "Limited",
        ("system-design", "ai-architect"): "Extensive",
        ("problem-solving-style", "ai-pair-programmer"): "Tactical",
        ("problem-solving-style", "ai-architect"): "Strategic",
        ("communication", "ai-pair-programmer"): "Crisp",
        ("communication", "ai-architect"): "Persuasive",
    }


def test_every_tool_the_article_names_is_seeded_in_a_category_with_a_role(seeded):
    names = set(Tool.objects.values_list("name", flat=True))
    assert set(ARTICLE_TOOLS) <= names
    assert not Tool.objects.filter(roles=None).exists()
    assert ToolCategory.objects.count() >= 8
    assert not ToolCategory.objects.filter(tools=None).exists()


def test_salaries_match_the_article(seeded):
    architect = SalaryRange.objects.get(role__slug="ai-architect")
    assert (architect.low, architect.high, architect.median) == (170_000, 250_000, None)
    engineer = SalaryRange.objects.get(role__slug="ai-pair-programmer")
    assert (engineer.low, engineer.high) == (120_000, 190_000)
    for salary in (architect, engineer):
        assert (salary.currency, salary.region, salary.year) == ("USD", "Major U.S. markets", 2025)


def test_every_factor_has_statements_leaning_each_way(seeded):
    for factor in DecisionFactor.objects.all():
        questions = factor.questions.active()
        if not (factor.pair_programmer_pole and factor.architect_pole):
            assert not questions, f"{factor}: the article gives it no side, so it is not scored"
            continue
        for role in ("ai-pair-programmer", "ai-architect"):
            assert sum(q.leans_toward.slug == role for q in questions) == 3, (factor, role)
        assert all(1 <= q.weight <= 5 for q in questions)


def test_factors_have_poles_except_learning_for_which_the_article_gives_none(seeded):
    learning = DecisionFactor.objects.get(slug="learning-motivation")
    assert (learning.pair_programmer_pole, learning.architect_pole) == ("", "")
    for factor in DecisionFactor.objects.exclude(pk=learning.pk):
        assert factor.pair_programmer_pole and factor.architect_pole


def test_only_the_musk_answer_carries_the_articles_attribution(seeded):
    assert FAQ.objects.count() == 4
    attributed = FAQ.objects.exclude(attribution="")
    assert [faq.slug for faq in attributed] == ["was-elon-musk-a-coder"]
    assert "Editor-verified" in attributed[0].attribution
    assert Source.objects.filter(citation__contains="pair programming model").exists()


def test_an_edited_role_survives_a_reseed_and_is_reported_as_kept(seeded):
    Role.objects.filter(slug="ai-architect").update(summary="Written by an editor.")
    output = seed()
    assert Role.objects.get(slug="ai-architect").summary == "Written by an editor."
    assert "kept-edited 1" in report_line(output, "Roles")
    assert "--update" in output


def test_edited_relations_count_as_edits(seeded):
    cursor = Tool.objects.get(slug="cursor")
    cursor.roles.add(Role.objects.get(slug="ai-architect"))
    seed()
    assert cursor.roles.count() == 2


def test_update_overwrites_an_edited_role(seeded):
    Role.objects.filter(slug="ai-architect").update(summary="Written by an editor.")
    output = seed("--update")
    role = Role.objects.get(slug="ai-architect")
    assert role.summary != "Written by an editor."
    assert seed_status(role) == "seeded"
    assert "updated 1" in report_line(output, "Roles")


def test_an_unedited_row_is_refreshed_when_its_seed_changes(seeded, tmp_path):
    seed_dir = copy_seed(tmp_path)
    edit_seed_file(
        seed_dir, "roles.json", lambda d: d["roles"]["ai-architect"].update(tagline="New tagline.")
    )
    output = seed(seed_dir=seed_dir)
    assert Role.objects.get(slug="ai-architect").tagline == "New tagline."
    assert "updated 1" in report_line(output, "Roles")


def test_an_edited_row_is_kept_even_when_its_seed_changes(seeded, tmp_path):
    Role.objects.filter(slug="ai-architect").update(tagline="The editor's tagline.")
    seed_dir = copy_seed(tmp_path)
    edit_seed_file(
        seed_dir, "roles.json", lambda d: d["roles"]["ai-architect"].update(tagline="New tagline.")
    )
    seed(seed_dir=seed_dir)
    assert Role.objects.get(slug="ai-architect").tagline == "The editor's tagline."


def test_a_reordered_responsibility_is_kept_not_duplicated(seeded):
    responsibility = Responsibility.objects.get(role__slug="ai-architect", order=2)
    responsibility.order = 9
    responsibility.save()
    seed()
    assert Responsibility.objects.filter(role__slug="ai-architect").count() == 6
    assert Responsibility.objects.get(pk=responsibility.pk).order == 9


def test_a_deleted_row_is_created_again(seeded):
    Question.objects.filter(slug="pace-working-code-in-minutes").delete()
    output = seed()
    assert Question.objects.filter(slug="pace-working-code-in-minutes").exists()
    assert "created 1" in report_line(output, "Questions")


def test_an_editor_added_row_is_left_alone(seeded):
    architect = Role.objects.get(slug="ai-architect")
    Responsibility.objects.create(role=architect, text="Added by an editor.", order=60)
    seed("--update")
    assert architect.responsibilities.filter(text="Added by an editor.").exists()


BAD_SEEDS = {
    "bad JSON": ("faqs.json", None, "faqs.json: not valid JSON"),
    "missing field": (
        "roles.json",
        lambda d: d["roles"]["ai-architect"].pop("tagline"),
        "roles.json: roles 'ai-architect': missing field 'tagline'",
    ),
    "unknown role slug": (
        "tools.json",
        lambda d: d["tools"]["cursor"].update(roles=["ai-wizard"]),
        "tools.json: tools 'cursor': roles: unknown role 'ai-wizard'",
    ),
    "a numeric skill level": (
        "skills.json",
        lambda d: d["skill_areas"]["communication"]["levels"]["ai-architect"].update(level=5),
        "skills.json: skill_areas 'communication', level for 'ai-architect': unknown field 'level'",
    ),
    "low above high": (
        "salaries.json",
        lambda d: d["salaries"]["ai-architect-us-2025"].update(low=300_000),
        "salaries.json: salaries 'ai-architect-us-2025': Constraint “salary_low_le_high”",
    ),
    "weight out of range": (
        "questions.json",
        lambda d: d["questions"]["learning-by-building"].update(weight=9),
        "questions.json: questions 'learning-by-building': Constraint “question_weight",
    ),
    "wrong type": (
        "factors.json",
        lambda d: d["factors"]["risk-appetite"].update(order="first"),
        "factors.json: factors 'risk-appetite': order: expected a whole number",
    ),
    "unknown field": (
        "faqs.json",
        lambda d: d["faqs"]["was-elon-musk-a-coder"].update(answr="typo"),
        "faqs.json: faqs 'was-elon-musk-a-coder': unknown field 'answr'",
    ),
    "same order twice": (
        "roles.json",
        lambda d: d["roles"]["ai-architect"]["responsibilities"][1].update(order=1),
        "roles.json: roles 'ai-architect', responsibility 2: same role, order as",
    ),
}


@pytest.mark.parametrize("problem", BAD_SEEDS)
def test_a_bad_seed_names_the_record_and_writes_nothing(no_content, problem, tmp_path):
    file_name, change, message = BAD_SEEDS[problem]
    seed_dir = copy_seed(tmp_path)
    if change is None:
        (seed_dir / file_name).write_text('{"faqs": {"x": {,}}}')
    else:
        edit_seed_file(seed_dir, file_name, change)
    with pytest.raises(CommandError) as error:
        seed(seed_dir=seed_dir)
    assert message in str(error.value)
    assert "Traceback" not in str(error.value)
    assert all(count == 0 for count in counts().values())


def test_a_bad_seed_leaves_an_existing_database_untouched(seeded, tmp_path):
    seed_dir = copy_seed(tmp_path)

    def change(data):
        data["roles"]["ai-architect"]["tagline"] = "A valid change."
        data["roles"]["ai-pair-programmer"]["order"] = -1

    edit_seed_file(seed_dir, "roles.json", change)
    with pytest.raises(CommandError, match="roles 'ai-pair-programmer': order"):
        seed(seed_dir=seed_dir)
    assert Role.objects.get(slug="ai-architect").tagline != "A valid change."


def test_a_missing_seed_file_is_reported(tmp_path):
    seed_dir = copy_seed(tmp_path)
    (seed_dir / "tools.json").unlink()
    with pytest.raises(CommandError, match=r"tools\.json: no such file"):
        seed(seed_dir=seed_dir)


def test_role_skill_rows_are_unique_per_role_and_area(seeded):
    assert RoleSkill.objects.values("role", "area").distinct().count() == 10


def test_a_role_an_editor_gave_a_new_slug_is_kept_not_recreated(seeded):
    Role.objects.filter(slug="ai-architect").update(slug="architect", tagline="Edited.")
    output = seed()
    assert Role.objects.count() == 2
    assert "kept-edited 1" in report_line(output, "Roles")
    assert Responsibility.objects.filter(role__slug="architect").count() == 6


def test_the_seed_document_carries_every_editable_model_and_nothing_else():
    """One definition of content (careers.editable): the seed's collections, the history
    and the content version all cover the same models."""
    from careers.editable import editable_models
    from careers.seeding.schema import COLLECTIONS, NESTED

    in_document = {*COLLECTIONS.values(), *(model for _, model in NESTED.values())}
    assert in_document == set(editable_models())
