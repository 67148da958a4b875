"""The questionnaire's guard rails in the admin (mixed into careers.admin's QuestionAdmin
and the factor page's statement inline):

- a factor cannot be published with active statements on one side only, since balanced
  scoring compares the two sides (a factor with no active statement is simply unused);
- changing a statement's weight or side says how many stored results were scored with
  the old one (they keep it: results are never re-scored).
"""

from django import forms
from django.contrib import messages

from careers.models import AssessmentResult, Question


def one_sided_message(factor, sides: set[int]) -> str | None:
    """Why this set of active sides cannot be published, or None when it can."""
    if not sides:
        return None
    wanted = {factor.pair_programmer_role_id, factor.architect_role_id}
    if wanted <= sides:
        return None
    missing = factor.architect_role if factor.architect_role_id not in sides else None
    missing = missing or factor.pair_programmer_role
    return (
        f"“{factor.name}” would have active statements leaning one way only: add or keep "
        f"an active statement leaning toward the {missing.name} first. Scoring compares the "
        "two sides of every factor."
    )


def results_scored_with(question: Question, *, weight: int, leans_toward_slug: str) -> int:
    """Stored results whose questionnaire had this statement with this weight and side."""
    return AssessmentResult.objects.filter(
        questionnaire__snapshot__contains={
            "questions": [
                {"slug": question.slug, "weight": weight, "leans_toward": leans_toward_slug}
            ]
        }
    ).count()


class QuestionGuardForm(forms.ModelForm):
    """Refuses an edit that leaves the statement's factor one-sided."""

    def clean(self):
        cleaned = super().clean()
        factor, side = cleaned.get("factor"), cleaned.get("leans_toward")
        if factor is None or side is None:
            return cleaned
        others = Question.objects.active().filter(factor=factor)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        sides = set(others.values_list("leans_toward_id", flat=True))
        if cleaned.get("active", self.instance.active):
            sides.add(side.pk)
        message = one_sided_message(factor, sides)
        if message:
            raise forms.ValidationError(message, code="one_sided_factor")
        return cleaned


class FactorQuestionsFormSet(forms.BaseInlineFormSet):
    """The factor page's statements: the active ones must lean both ways (or be none)."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        sides = set()
        for form in self.forms:
            data = form.cleaned_data
            if not data or data.get("DELETE") or not data.get("active"):
                continue
            if data.get("leans_toward") is not None:
                sides.add(data["leans_toward"].pk)
        message = one_sided_message(self.instance, sides)
        if message:
            raise forms.ValidationError(message, code="one_sided_factor")


class QuestionGuardsMixin:
    """For QuestionAdmin: the guard form (also on the list's editable columns), the count
    of results that used the current weight and side, and a note after changing them."""

    form = QuestionGuardForm

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", QuestionGuardForm)
        return super().get_changelist_form(request, **kwargs)

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "stored_results"]

    def stored_results(self, question):
        if not question or not question.pk:
            return "—"
        count = results_scored_with(
            question, weight=question.weight, leans_toward_slug=question.leans_toward.slug
        )
        return (
            f"{count} stored result{'s' if count != 1 else ''} were scored with this weight and "
            "side. Changing them affects new results only: stored results keep theirs."
        )

    stored_results.short_description = "stored results using this weight and side"

    def save_model(self, request, obj, form, change):
        if change and ({"weight", "leans_toward"} & set(form.changed_data)):
            old = Question.objects.select_related("leans_toward").get(pk=obj.pk)
            count = results_scored_with(
                old, weight=old.weight, leans_toward_slug=old.leans_toward.slug
            )
            messages.warning(
                request,
                f"“{obj.statement}”: {count} stored result{'s' if count != 1 else ''} were "
                f"scored with the old weight {old.weight} leaning toward the "
                f"{old.leans_toward.name}. They keep it; new results use the new one.",
            )
        super().save_model(request, obj, form, change)
