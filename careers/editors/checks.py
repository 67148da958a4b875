"""Content checks for editors: the seed's faithfulness check (careers.faithfulness)
run on the rows in the database, against the facts the site ships about the article.

- `findings_for(row)`: what is wrong with one row and the rows saved with it (a role's
  responsibilities, skills and salaries), for the change page and for publishing.
- `all_findings()`: every finding across the content, for the "Content checks" page.

They warn: nothing here refuses a save. What the seed loader refuses (an unknown article
section, a low above the high, text over its limit…) the admin's forms refuse already.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django.contrib.admin.utils import quote
from django.db import models
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse

from careers.editable import EditableContent, Record, content_queryset, editable_models, row_values
from careers.faithfulness import (
    copied_findings,
    number_findings,
    shipped_article_facts,
)
from careers.history.diff import followed_relations


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


# --- The admin's "Content checks" page ----------------------------------------------------
# Every finding of the content checks, linked to its row.


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
