"""The assessment's admin: the questionnaire (decision factors with their statements,
and the statements' own list) and what visitors stored (results, questionnaires).

The questionnaire's guard rails:
- a factor cannot be published with active statements on one side only, since balanced
  scoring compares the two sides (a factor with no active statement is simply unused);
- changing a statement's weight or side says how many stored results were scored with
  the old one (they keep it: results are never re-scored).

Results and stored questionnaires are read-only: visitors write them by taking the
assessment. The results list shows, for the filtered results, the count per outcome and
how often each rang true; the quality page (QualityPageMixin) the instrument's statistics.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse

from careers.assessment.models import AssessmentResult, Experiment, Question, Questionnaire
from careers.assessment.quality_page import QualityPageMixin
from careers.assessment.report_document import CHECK_MESSAGES
from careers.assessment.scoring import (
    HYBRID,
)
from careers.content.models import DecisionFactor, Role
from careers.editors.content_admin import ContentAdmin, HelpTextsMixin, SeedStatusFilter

# --- The questionnaire's guard rails -----------------------------------------------------


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


# --- The questionnaire: factors and their statements -------------------------------------


def on_methodology_page(obj):
    return reverse("careers:assessment_methodology")


class QuestionInline(HelpTextsMixin, admin.StackedInline):
    """Stacked like a role's rows: seven columns do not fit beside the statement."""

    model = Question
    formset = FactorQuestionsFormSet
    fields = [
        "statement",
        ("leans_toward", "weight", "active"),
        ("slug", "order"),
        "article_section",
    ]
    prepopulated_fields = {"slug": ["statement"]}
    extra = 0


@admin.register(DecisionFactor)
class DecisionFactorAdmin(ContentAdmin):
    list_display = ["name", "pair_programmer_pole", "architect_pole", "order"]
    list_filter = [SeedStatusFilter]
    search_fields = ["name", "slug", "description", "pair_programmer_pole", "architect_pole"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [QuestionInline]
    view_on_site = staticmethod(on_methodology_page)


@admin.register(Question)
class QuestionAdmin(QuestionGuardsMixin, ContentAdmin):
    list_display = ["statement", "factor", "leans_toward", "weight", "active", "order"]
    list_editable = ["weight", "active"]
    list_filter = ["factor", "leans_toward", "active", "weight", SeedStatusFilter]
    list_select_related = ["factor", "leans_toward"]
    search_fields = ["statement", "slug"]
    ordering = ["factor__order", "order"]
    prepopulated_fields = {"slug": ["statement"]}
    view_on_site = staticmethod(on_methodology_page)


@admin.register(Experiment)
class ExperimentAdmin(ContentAdmin):
    """The cheap tries a result suggests for the factors it is least sure of (plan.py)."""

    list_display = ["title", "factor", "role", "stage", "order"]
    list_filter = ["factor", "role", "stage", SeedStatusFilter]
    list_select_related = ["factor", "role"]
    search_fields = ["title", "slug", "text"]
    ordering = ["factor__order", "role__order", "order"]
    prepopulated_fields = {"slug": ["title"]}


# --- What visitors stored: results (with the quality page) and questionnaires -----------


@admin.register(AssessmentResult)
class AssessmentResultAdmin(QualityPageMixin, admin.ModelAdmin):
    list_display = ["created_at", "outcome_name", "fit_summary", "answer_style", "fits_me_answer"]
    list_filter = ["outcome", "created_at", "careless", "fits_me", "experience", "scoring_version"]
    search_fields = ["outcome"]
    date_hierarchy = "created_at"
    ordering = ["-created_at"]
    list_per_page = 100
    fields = [
        "id",
        "created_at",
        "outcome",
        "careless",
        "fits_me",
        "experience",
        "scoring_version",
        "answers",
        "scores",
        "questionnaire",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="outcome", ordering="outcome")
    def outcome_name(self, result):
        return role_name(result.outcome)

    @admin.display(description="fit per role")
    def fit_summary(self, result):
        # Version 3 stores a range per role; earlier versions a single percentage.
        bands = result.scores.get("fit_band", {})
        if bands:
            return ", ".join(
                f"{role_name(slug)} {low}%–{high}%" for slug, (low, high) in bands.items()
            )
        fits = result.scores.get("fit_percent", {})
        return ", ".join(f"{role_name(slug)} {percent}%" for slug, percent in fits.items())

    @admin.display(description="answer style", ordering="careless")
    def answer_style(self, result):
        """The checks that flagged the answers, in words ("Answered very quickly")."""
        flags = result.scores.get("answer_style", {})
        named = [CHECK_MESSAGES[name][0] for name, flagged in flags.items() if flagged]
        return "; ".join(named) or ("Flagged" if result.careless else "No concerns")

    @admin.display(description="fits me?", ordering="fits_me")
    def fits_me_answer(self, result):
        return {True: "Yes", False: "No", None: "Not answered"}[result.fits_me]

    def changelist_view(self, request, extra_context=None):
        with role_names_known():
            response = super().changelist_view(request, extra_context)
            context = getattr(response, "context_data", None)
            if context and "cl" in context:
                context["outcome_summary"] = outcome_summary(context["cl"].queryset)
            if hasattr(response, "render"):
                response.render()  # the cells ask for role names, known only in here
        return response


_role_names: ContextVar[dict[str, str] | None] = ContextVar("role_names", default=None)


@contextmanager
def role_names_known():
    """Within it, `role_name` reads every role's name once, not once per result row."""
    token = _role_names.set(dict(Role.objects.values_list("slug", "name")))
    try:
        yield
    finally:
        _role_names.reset(token)


def role_name(outcome: str) -> str:
    """A role's name for its slug ("AI architect"), "Hybrid" for a hybrid outcome."""
    if outcome == HYBRID:
        return "Hybrid"
    names = _role_names.get()
    if names is None:
        names = dict(Role.objects.filter(slug=outcome).values_list("slug", "name"))
    return names.get(outcome, outcome)


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    """The stored questionnaires results were scored against: read-only, never deleted."""

    list_display = ["created_at", "statement_count", "result_count"]
    list_filter = ["created_at"]
    search_fields = ["fingerprint"]
    fields = ["created_at", "fingerprint", "snapshot"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(result_count=Count("results"))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="statements")
    def statement_count(self, questionnaire):
        return len(questionnaire.snapshot.get("questions", []))

    @admin.display(description="results", ordering="result_count")
    def result_count(self, questionnaire):
        return questionnaire.result_count


def outcome_summary(results) -> dict:
    """Counts per outcome, and the share of 'does this fit you?' answers that said yes."""
    rows = (
        results.order_by()
        .values("outcome")
        .annotate(
            total=Count("pk"),
            answered=Count("pk", filter=Q(fits_me__isnull=False)),
            yes=Count("pk", filter=Q(fits_me=True)),
        )
        .order_by("-total", "outcome")
    )
    outcomes = [
        {
            **row,
            "name": role_name(row["outcome"]),
            "yes_percent": share(row["yes"], row["answered"]),
        }
        for row in rows
    ]
    total = sum(row["total"] for row in outcomes)
    answered = sum(row["answered"] for row in outcomes)
    yes = sum(row["yes"] for row in outcomes)
    for row in outcomes:
        row["share_percent"] = share(row["total"], total)
    return {
        "outcomes": outcomes,
        "total": total,
        "answered": answered,
        "yes": yes,
        "yes_percent": share(yes, answered),
    }


def share(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None
