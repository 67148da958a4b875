"""The base of every content admin (`ContentAdmin`): help under the fields and text areas
sized to their text, drafts, publishing and edit conflicts (`DraftsAdmin`, in
draft_admin.py), the history with diffs and restore, the content checks on save (and
their page), and a filter by seed status (as seeded, edited, added by hand).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.db import models
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join

from careers.editable import (
    EditableContent,
    Record,
    content_queryset,
    editable_models,
    row_values,
    seed_status,
)
from careers.editors.draft_admin import DraftsAdmin
from careers.faithfulness import (
    copied_findings,
    number_findings,
    shipped_article_facts,
)
from careers.history.admin import HistoryAdmin
from careers.history.diff import followed_relations

# --- Help texts ---------------------------------------------------------------------------
# Help text the admin shows under fields whose meaning is not obvious.
#
# Kept here rather than on the model fields: a model's help_text is part of its migration
# state, and wording is for editors, not for the schema. Keys are "model_name.field_name";
# a field the models define their own help text for keeps it unless named here.
HELP_TEXTS = {
    # Shared wording for the fields most models have.
    "*.slug": "The row's address in URLs and in the seed files. Changing it breaks links "
    "people saved; the seed recognises the row by its name instead.",
    "*.order": "Position in lists: smaller numbers come first.",
    "*.article_section": "The article section this rests on: named to visitors under "
    "the section's '§ Source' mark. Only the article's own headings are offered.",
    # Roles and what hangs off them.
    "role.tagline": "One line under the role's name on cards and in search results.",
    "role.summary": "The opening paragraph of the role's page.",
    "role.career_path": "Where the role leads: shown under 'Career path' on its page.",
    "role.work_environment": "Who the role works with and how: 'Work environment' on its page.",
    "responsibility.text": "One thing the role does, as one sentence on its page.",
    "role.skills_summary": "What the role's skills add up to, as the article sums them up.",
    "role.outlook": "Where the role is heading, as the article's outlook puts it.",
    "roleskill.emphasis": "The article's one word for this skill in this role (its skills "
    "table: Deep/Broad, Practical/Strategic…), shown beside the other role's word. Never a "
    "score.",
    "roleskill.description": "What the skill means for this role: shown under its word.",
    "skillarea.description": "What the area covers, shown at the head of its row.",
    # Tools and salaries.
    "toolcategory.description": "Shown above the category's tools on the tools page.",
    "tool.roles": "The roles that use this tool; the tools page filters by them.",
    "tool.url": "The tool's own site (optional).",
    "salaryrange.low": "Yearly pay at the bottom of the range, in the currency below.",
    "salaryrange.high": "Yearly pay at the top of the range.",
    "salaryrange.median": "Leave empty when the source gives no median; it must lie within "
    "the range.",
    "salaryrange.currency": "ISO code, e.g. USD.",
    "salaryrange.region": "Where the range applies, e.g. 'United States'.",
    "salaryrange.year": "The year the source reports the range for.",
    # The questionnaire.
    "decisionfactor.description": "What the factor asks the visitor to weigh, shown on the "
    "methodology page and beside their leaning in the result.",
    "question.statement": "What the visitor agrees or disagrees with, on a five-point scale.",
    "question.leans_toward": "The role that agreeing points to; disagreeing points to the "
    "factor's other role. Keep statements on both sides of every factor.",
    "question.weight": "How much this statement counts within its factor: each side's "
    "agreement is a weighted mean of its statements, so a weight changes the balance among "
    "statements on the same side, never the balance between the two sides.",
    "question.active": "Untick to take the statement out of the assessment without "
    "deleting it; stored results keep the questions they were scored with.",
    # FAQs and sources.
    "faq.related_role": "The role page that lists this question, if any.",
    "faq.attribution": "Only an attribution the article itself states (e.g. that an answer "
    "was verified by its editors); leave empty otherwise.",
    "source.citation": "The reference exactly as the article's reference list words it.",
    "keypoint.text": "A point the article makes, in RoleFit's own words (no copied sentences).",
    "keypoint.on_home": "Tick the pages the point appears on.",
    # Page copy.
    "pagecopy.key": "Where the text appears: the page, then the place on it. Templates ask "
    "for it by this name, so it cannot be changed.",
    "pagecopy.text": "RoleFit's own words, shown as written. Put **two asterisks** around "
    "words to show them in bold; keep a {name} in braces as it is: the page fills in a "
    "number there.",
}


def help_text_for(model: type[models.Model], field_name: str) -> str | None:
    name = model._meta.model_name
    return HELP_TEXTS.get(f"{name}.{field_name}", HELP_TEXTS.get(f"*.{field_name}"))


def length_limit_text(db_field: models.Field) -> str | None:
    """A text box's length limit, worded for the help under it."""
    if isinstance(db_field, models.TextField) and db_field.max_length:
        return f"At most {db_field.max_length:,} characters."
    return None


# A one-line box cuts off text longer than this: such fields get a text area instead.
LONG_CHARFIELD = 150
CHARACTERS_PER_LINE = 80


class FittedTextarea(forms.Textarea):
    """A text area as tall as the text it holds (a line per 80 characters, one spare), so
    an editor sees all of it without scrolling inside the box."""

    def get_context(self, name, value, attrs):
        text = str(value or "")
        lines = sum(1 + len(line) // CHARACTERS_PER_LINE for line in text.splitlines() or [""])
        attrs = {**(attrs or {}), "rows": max(2, lines + 1)}
        return super().get_context(name, value, attrs)


def fitted_widget(db_field: models.Field) -> forms.Widget | None:
    """A text area for long text (text fields, and char fields too long for one line)."""
    if db_field.choices:
        return None
    if isinstance(db_field, models.TextField) or (
        isinstance(db_field, models.CharField)
        and (db_field.max_length or 0) >= LONG_CHARFIELD
        and not isinstance(db_field, models.SlugField | models.URLField)
    ):
        return FittedTextarea(attrs={"cols": CHARACTERS_PER_LINE})
    return None


class HelpTextsMixin:
    """For ModelAdmin and inline classes: puts HELP_TEXTS, and a text box's length limit,
    under the form fields, and gives long text a text area sized to it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs) -> forms.Field | None:
        widget = fitted_widget(db_field)
        if widget is not None and "widget" not in kwargs:
            kwargs["widget"] = widget
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None:
            return None
        text = help_text_for(self.model, db_field.name) or formfield.help_text
        limit = length_limit_text(db_field)
        formfield.help_text = " ".join(str(part) for part in (text, limit) if part)
        return formfield


# --- The base of every content admin ------------------------------------------------------


class SeedStatusFilter(admin.SimpleListFilter):
    """Rows as the seed wrote them, rows an editor has changed, and rows added by hand."""

    title = "seed status"
    parameter_name = "seed"

    def lookups(self, request, model_admin):
        return [
            ("seeded", "As seeded"),
            ("edited", "Edited since seeding"),
            ("added", "Not from the seed"),
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return None
        rows = content_queryset(queryset.model)
        return queryset.filter(pk__in=[row.pk for row in rows if seed_status(row) == self.value()])


class ContentAdmin(HelpTextsMixin, DraftsAdmin, HistoryAdmin):
    """Content: help under the fields (careers.editors), drafts, preview, publishing now
    or at a time and no lost updates (careers.editors.content_admin), every save in the
    history with a diff and a restore button (careers.history), and the content checks on
    every save and at the top of the change page (careers.editors.content_admin)."""

    list_per_page = 50

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)  # the inline rows too
        self.content_saved(request, form.instance)

    def content_saved(self, request, obj) -> None:
        """The content checks on what just went live (a save, or a draft published)."""
        findings = findings_for(obj)
        if findings:
            messages.warning(request, findings_message(findings))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        context = dict(extra_context or {})
        obj = self.get_object(request, admin.utils.unquote(object_id))
        if obj is not None and request.method == "GET":
            context["content_findings"] = findings_for(obj)
        return super().change_view(request, object_id, form_url, context)


def findings_message(findings) -> str:
    """The warning after a save: what the content checks found, one item each."""
    items = format_html_join("", "<li>{}</li>", ((str(finding),) for finding in findings))
    return format_html(
        "Saved, but the content checks found {} place{} where this says what the article "
        "does not (or copies its words). Please check: <ul>{}</ul>",
        len(findings),
        "" if len(findings) == 1 else "s",
        items,
    )


# --- Content checks -----------------------------------------------------------------------
# The seed's faithfulness check (careers.faithfulness) run on the rows in the database,
# against the facts the site ships about the article.
#
# - `findings_for(row)`: what is wrong with one row and the rows saved with it (a role's
#   responsibilities, skills and salaries), for the change page and for publishing.
# - `all_findings()`: every finding across the content, for the "Content checks" page.
#
# They warn: nothing here refuses a save. What the seed loader refuses (an unknown article
# section, a low above the high, text over its limit…) the admin's forms refuse already.
@dataclass(frozen=True)
class ContentFinding:
    """One place where a row says what the article does not, or copies its words."""

    row: EditableContent
    field: str  # the field's label, or "" for the row as a whole (a salary range)
    message: str

    @property
    def row_label(self) -> str:
        return f"{self.row._meta.verbose_name.capitalize()} “{self.row}”"

    @property
    def change_url(self) -> str | None:
        opts = self.row._meta
        try:
            return reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[quote(self.row.pk)]
            )
        except NoReverseMatch:  # a model the admin does not show on its own
            return None

    def __str__(self):
        return f"{self.row_label}: {self.field + ': ' if self.field else ''}{self.message}"


def _field_label(model: type[models.Model], name: str | None) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize() if name else ""


def findings_in(rows: Iterable[EditableContent]) -> list[ContentFinding]:
    """The faithfulness findings for `rows`, in their order."""
    pairs = [(row, Record(type(row), row_values(row), where=str(row))) for row in rows]
    records = [record for _, record in pairs]
    row_of = {id(record): row for row, record in pairs}
    position = {id(record): index for index, record in enumerate(records)}
    facts = shipped_article_facts()
    found = [*number_findings(records, facts), *copied_findings(records, facts)]
    found.sort(key=lambda finding: position[id(finding.record)])
    return [
        ContentFinding(row_of[id(f.record)], _field_label(f.record.model, f.field), f.message)
        for f in found
    ]


def rows_saved_with(row: EditableContent) -> list[EditableContent]:
    """`row` and the rows its history version carries (a role's responsibilities…)."""
    rows = [row]
    for relation in followed_relations(type(row)):
        rows.extend(getattr(row, relation.get_accessor_name()).all())
    return rows


def findings_for(row: EditableContent) -> list[ContentFinding]:
    """What the seed check finds in `row` and the rows saved with it, as they are stored."""
    return findings_in(rows_saved_with(row))


def all_findings() -> list[ContentFinding]:
    """Every finding across the content, model by model in the admin's order."""
    return findings_in(row for model in editable_models() for row in content_queryset(model))


# The admin's "Content checks" page: every finding, linked to its row.


def can_see(user, finding) -> bool:
    opts = finding.row._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def content_checks_view(request, admin_site):
    """Findings grouped by model, each row linked to its change page."""
    findings = [f for f in all_findings() if can_see(request.user, f)]
    groups = [
        (model._meta.verbose_name_plural.capitalize(), list(found))
        for model, found in groupby(findings, key=lambda finding: type(finding.row))
    ]
    context = {
        **admin_site.each_context(request),
        "title": "Content checks",
        "groups": groups,
        "finding_count": len(findings),
    }
    return TemplateResponse(request, "admin/careers/content_checks.html", context)
