from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

# Registers results and stored questionnaires: the assessment's own admin module.
import careers.assessment.admin  # noqa: F401
from careers.assessment.admin_guards import FactorQuestionsFormSet, QuestionGuardsMixin
from careers.editors.help_texts import HelpTextsMixin
from careers.history.admin import HistoryAdmin
from careers.models import (
    FAQ,
    PLACEMENTS,
    DecisionFactor,
    KeyPoint,
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
from careers.seeding import content_queryset, seed_status

# --- Content admin (roles, skills, tools, salaries, factors, questions, FAQs, sources) ---
# Every content model is editable here; re-seeding never overwrites what an editor changed.


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


def on_role_page(obj):
    """'View on site' for rows shown on their role's page."""
    return obj.role.get_absolute_url()


def on_salary_page(obj):
    return reverse("careers:salary_list")


def on_methodology_page(obj):
    return reverse("careers:assessment_methodology")


class ContentAdmin(HelpTextsMixin, HistoryAdmin):
    """Content: help under the fields (careers.editors), every save in the history with a
    diff and a restore button (careers.history)."""

    list_per_page = 50


class ResponsibilityFormSet(forms.BaseInlineFormSet):
    """Seeding and imports recognise a responsibility by its role and order: keep them unique."""

    def clean(self):
        super().clean()
        orders = [
            form.cleaned_data["order"]
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("order") is not None
        ]
        clashes = sorted({order for order in orders if orders.count(order) > 1})
        if clashes:
            raise ValidationError(
                f"Two responsibilities have the order {clashes[0]}: give each its own number."
            )


class ResponsibilityForm(forms.ModelForm):
    """The standalone form checks the order against the role's other rows; the inline checks
    its formset instead, where swapping two orders in one save is legitimate."""

    class Meta:
        model = Responsibility
        fields = ["role", "order", "text", "article_section"]

    def clean(self):
        cleaned = super().clean()
        role, order = cleaned.get("role"), cleaned.get("order")
        if role is not None and order is not None:
            clash = Responsibility.objects.filter(role=role, order=order).exclude(
                pk=self.instance.pk
            )
            if clash.exists():
                self.add_error("order", f"{role} already has a responsibility with this order.")
        return cleaned


class ResponsibilityInline(HelpTextsMixin, admin.TabularInline):
    model = Responsibility
    formset = ResponsibilityFormSet
    fields = ["order", "text", "article_section"]
    extra = 0
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 80})}
    }


class RoleSkillInline(HelpTextsMixin, admin.TabularInline):
    model = RoleSkill
    fields = ["area", "emphasis", "description", "article_section"]
    extra = 0
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 60})}
    }


class SalaryRangeInline(HelpTextsMixin, admin.StackedInline):
    model = SalaryRange
    fields = [
        ("label", "slug"),
        ("low", "high", "median", "currency"),
        ("region", "year"),
        "note",
        "article_section",
        "order",
    ]
    prepopulated_fields = {"slug": ["label"]}
    extra = 0


@admin.register(Role)
class RoleAdmin(ContentAdmin):
    list_display = ["name", "slug", "tagline", "order"]
    list_filter = [SeedStatusFilter]
    search_fields = ["name", "slug", "tagline", "summary", "career_path", "work_environment"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = [
        "name",
        "slug",
        "tagline",
        "summary",
        "summary_section",
        "career_path",
        "career_path_section",
        "work_environment",
        "work_environment_section",
        "skills_summary",
        "skills_summary_section",
        "outlook",
        "outlook_section",
        "order",
    ]
    inlines = [ResponsibilityInline, RoleSkillInline, SalaryRangeInline]


@admin.register(Responsibility)
class ResponsibilityAdmin(ContentAdmin):
    form = ResponsibilityForm
    list_display = ["text", "role", "order"]
    list_filter = ["role", SeedStatusFilter]
    list_select_related = ["role"]
    search_fields = ["text"]
    ordering = ["role__order", "order"]
    view_on_site = staticmethod(on_role_page)


@admin.register(SkillArea)
class SkillAreaAdmin(ContentAdmin):
    list_display = ["name", "slug", "order"]
    list_filter = [SeedStatusFilter]
    search_fields = ["name", "slug", "description"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(RoleSkill)
class RoleSkillAdmin(ContentAdmin):
    list_display = ["area", "role", "emphasis", "description"]
    list_filter = ["role", "area", SeedStatusFilter]
    list_select_related = ["area", "role"]
    search_fields = ["description", "area__name", "role__name"]
    ordering = ["area__order", "role__order"]
    view_on_site = staticmethod(on_role_page)


@admin.register(ToolCategory)
class ToolCategoryAdmin(ContentAdmin):
    list_display = ["name", "slug", "order"]
    list_filter = [SeedStatusFilter]
    search_fields = ["name", "slug", "description"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Tool)
class ToolAdmin(ContentAdmin):
    list_display = ["name", "category", "role_names", "order"]
    list_filter = ["category", "roles", SeedStatusFilter]
    list_select_related = ["category"]
    search_fields = ["name", "slug", "description"]
    ordering = ["category__order", "order", "name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["roles"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roles")

    @admin.display(description="roles")
    def role_names(self, tool):
        return ", ".join(role.name for role in tool.roles.all())


@admin.register(SalaryRange)
class SalaryRangeAdmin(ContentAdmin):
    list_display = ["label", "role", "low", "high", "median", "currency", "region", "year"]
    list_filter = ["role", "year", "region", "currency", SeedStatusFilter]
    list_select_related = ["role"]
    search_fields = ["label", "slug", "region", "note"]
    ordering = ["order", "-high"]
    prepopulated_fields = {"slug": ["label"]}
    view_on_site = staticmethod(on_salary_page)


class QuestionInline(HelpTextsMixin, admin.TabularInline):
    model = Question
    formset = FactorQuestionsFormSet
    fields = ["order", "statement", "slug", "leans_toward", "weight", "active", "article_section"]
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


@admin.register(FAQ)
class FAQAdmin(ContentAdmin):
    list_display = ["question", "related_role", "order"]
    list_filter = ["related_role", "article_section", SeedStatusFilter]
    list_select_related = ["related_role"]
    search_fields = ["question", "slug", "answer"]
    ordering = ["order", "question"]
    prepopulated_fields = {"slug": ["question"]}


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    """The article's reference list, in its order and wording; nothing cites an entry."""

    list_display = ["citation", "order"]
    list_filter = [SeedStatusFilter]
    search_fields = ["citation", "slug"]
    ordering = ["order", "slug"]
    prepopulated_fields = {"slug": ["citation"]}


@admin.register(KeyPoint)
class KeyPointAdmin(ContentAdmin):
    list_display = ["title", "article_section", *PLACEMENTS, "order"]
    list_filter = [*PLACEMENTS, "article_section", SeedStatusFilter]
    search_fields = ["title", "slug", "text"]
    ordering = ["order", "slug"]
    prepopulated_fields = {"slug": ["title"]}
