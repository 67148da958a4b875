"""The assessment's admin: stored results and questionnaires, read-only.

Results are written only by visitors taking the assessment. The changelist shows, for the
filtered results, the count per outcome and how often each rang true; the quality page
(QualityPageMixin) the instrument's statistics.
"""

from django.contrib import admin
from django.db.models import Count, Q

from careers.assessment.quality_views import QualityPageMixin
from careers.models import AssessmentResult, Questionnaire


@admin.register(AssessmentResult)
class AssessmentResultAdmin(QualityPageMixin, admin.ModelAdmin):
    list_display = ["created_at", "outcome", "fit_summary", "careless", "fits_me"]
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

    @admin.display(description="fit per role")
    def fit_summary(self, result):
        fits = result.scores.get("fit_percent", {})
        return ", ".join(f"{slug} {percent}%" for slug, percent in fits.items())

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            context["outcome_summary"] = outcome_summary(context["cl"].queryset)
        return response


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
    outcomes = [{**row, "yes_percent": share(row["yes"], row["answered"])} for row in rows]
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
