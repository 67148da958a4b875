"""Content that says only what the article says (issue 13).

Skill levels (1-5) become the article's contrast words; the invented links from roles,
FAQs and salary ranges to references go, and a reference becomes its citation as the
article words it; roles gain a skills summary and an outlook, FAQs an attribution, and
the article's general points get a model of their own. Rows nobody edited stay unedited.
"""

import django.db.models.deletion  # noqa: F401
from django.db import migrations, models

from careers.migrations._frozen import (
    ARTICLE_SECTIONS,
    fingerprint,
    refingerprint_reshaped_rows,
    row_values,
)

SECTION_CHOICES = [(section, section) for section in ARTICLE_SECTIONS]

CHANGES = {
    "Role": (("skills_summary", "skills_summary_section", "outlook", "outlook_section"), ("sources",)),
    "RoleSkill": (("emphasis",), ("level",)),
    "SalaryRange": ((), ("source",)),
    "FAQ": (("attribution",), ("sources",)),
    "Source": (("citation",), ("title", "publisher", "url", "published")),
}


def _fill(model_name, row):
    if model_name == "RoleSkill" and not row.emphasis:
        # The seed wrote the article's word first: "Deep: reviewing, editing…".
        head, colon, _ = row.description.partition(":")
        row.emphasis = head.strip()[:40] if colon else ""
    if model_name == "Source" and not row.citation:
        parts = [row.publisher, f'"{row.title}."' if row.title else "", row.published]
        row.citation = ". ".join(part for part in parts if part)[:500]


# The seed split the article's fifth reference in two; the article lists it as one entry
# (now the 'github-copilot-productivity-research-2024' row). Its other half goes, unless
# an editor changed it.
SPLIT_REFERENCE = "uc-san-diego-it-services-case-study-2024"


def drop_split_reference(apps, schema_editor):
    # Last, after the schema changes: a delete leaves trigger events that would block
    # altering the table. An unedited row's fingerprint matches its values by now.
    source = apps.get_model("careers", "Source").objects.filter(slug=SPLIT_REFERENCE).first()
    if source is not None and source.seed_fingerprint == fingerprint(row_values(source)):
        source.delete()


def reshape_rows(apps, schema_editor):
    refingerprint_reshaped_rows(apps, CHANGES, fill=_fill)


def section_field(blank=False, help_text="The article section it rests on."):
    return models.CharField(
        blank=blank,
        choices=SECTION_CHOICES,
        help_text=help_text,
        max_length=120,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("careers", "0004_article_sections"),
    ]

    operations = [
        migrations.AddField(
            model_name="role",
            name="skills_summary",
            field=models.TextField(blank=True, help_text="What the role's skills add up to."),
        ),
        migrations.AddField(
            model_name="role", name="skills_summary_section", field=section_field(blank=True)
        ),
        migrations.AddField(
            model_name="role",
            name="outlook",
            field=models.TextField(blank=True, help_text="Where the role is heading."),
        ),
        migrations.AddField(
            model_name="role", name="outlook_section", field=section_field(blank=True)
        ),
        migrations.AddField(
            model_name="roleskill",
            name="emphasis",
            field=models.CharField(
                default="",
                help_text="The article's contrast word for this role, e.g. 'Deep'.",
                max_length=40,
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="faq",
            name="attribution",
            field=models.CharField(
                blank=True,
                help_text="Only an attribution the article itself states.",
                max_length=200,
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="citation",
            field=models.CharField(
                default="",
                help_text="The reference exactly as the article lists it.",
                max_length=500,
            ),
            preserve_default=False,
        ),
        migrations.RunPython(reshape_rows, migrations.RunPython.noop),
        # Defaults for the removed columns, so that migrating back re-adds them to rows.
        migrations.AlterField(
            model_name="roleskill",
            name="level",
            field=models.PositiveSmallIntegerField(default=3, help_text="1 (light) to 5 (central)."),
        ),
        migrations.AlterField(
            model_name="source", name="title", field=models.CharField(default="", max_length=300)
        ),
        migrations.RemoveConstraint(model_name="roleskill", name="skill_level_between_1_and_5"),
        migrations.RemoveField(model_name="roleskill", name="level"),
        migrations.RemoveField(model_name="role", name="sources"),
        migrations.RemoveField(model_name="faq", name="sources"),
        migrations.RemoveField(model_name="salaryrange", name="source"),
        migrations.RemoveField(model_name="source", name="title"),
        migrations.RemoveField(model_name="source", name="publisher"),
        migrations.RemoveField(model_name="source", name="url"),
        migrations.RemoveField(model_name="source", name="published"),
        migrations.AlterModelOptions(name="source", options={"ordering": ["order", "slug"]}),
        migrations.AlterField(
            model_name="source",
            name="order",
            field=models.PositiveSmallIntegerField(default=0, help_text="Its place in the list."),
        ),
        migrations.AlterField(
            model_name="decisionfactor",
            name="pair_programmer_pole",
            field=models.CharField(
                blank=True,
                help_text="What this factor looks like for someone suited to hands-on work.",
                max_length=300,
            ),
        ),
        migrations.AlterField(
            model_name="decisionfactor",
            name="architect_pole",
            field=models.CharField(
                blank=True,
                help_text="What this factor looks like for someone suited to architecture.",
                max_length=300,
            ),
        ),
        migrations.CreateModel(
            name="KeyPoint",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("seed_fingerprint", models.CharField(blank=True, editable=False, max_length=64)),
                ("slug", models.SlugField(max_length=80, unique=True)),
                ("title", models.CharField(max_length=120)),
                ("text", models.TextField(help_text="The point in RoleFit's own words.")),
                ("article_section", section_field(help_text="The article section this rests on.")),
                ("on_home", models.BooleanField(default=False, verbose_name="show on the home page")),
                ("on_roles", models.BooleanField(default=False, verbose_name="show on the role pages")),
                ("on_comparison", models.BooleanField(default=False, verbose_name="show on the comparison")),
                ("on_salaries", models.BooleanField(default=False, verbose_name="show on the salaries page")),
                ("on_tools", models.BooleanField(default=False, verbose_name="show on the tools page")),
                ("order", models.PositiveSmallIntegerField(default=0)),
            ],
            options={"ordering": ["order", "slug"]},
        ),
        migrations.RunPython(drop_split_reference, migrations.RunPython.noop),
    ]
