"""The content admin: roles with their responsibilities, skills and salaries, skill
areas, tools, FAQs, the article's references and key points. Every model here is
editable content (careers.editable); re-seeding never overwrites what an editor changed.
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html

from careers.content.models import (
    FAQ,
    PLACEMENTS,
    KeyPoint,
    PageCopy,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SkillArea,
    Source,
    Tool,
    ToolCategory,
)
from careers.editors.content_admin import ContentAdmin, HelpTextsMixin, SeedStatusFilter


def on_role_page(obj):
    """'View on site' for rows shown on their role's page."""
    return obj.role.get_absolute_url()


def on_salary_page(obj):
    return reverse("careers:salary_list")


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


# Inline rows are stacked, a field per line: a table of four or more columns runs past the
# right edge at 1280 px (the article's headings make wide choice boxes) and on a phone.
class ResponsibilityInline(HelpTextsMixin, admin.StackedInline):
    model = Responsibility
    formset = ResponsibilityFormSet
    fields = ["text", ("order", "article_section")]
    extra = 0


class RoleSkillInline(HelpTextsMixin, admin.StackedInline):
    model = RoleSkill
    fields = [("area", "emphasis"), "description", "article_section"]
    extra = 0


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


@admin.register(PageCopy)
class PageCopyAdmin(ContentAdmin):
    """RoleFit's own words on its pages: heroes, intros, calls to action."""

    list_display = ["key", "text", "page_link"]
    list_filter = [SeedStatusFilter]
    search_fields = ["key", "text"]
    ordering = ["key"]

    def get_readonly_fields(self, request, obj=None):
        # The key is what a template asks for: renaming it would orphan the template's tag.
        return ["key"] if obj is not None else []

    @admin.display(description="shown on")
    def page_link(self, copy):
        url = copy.get_absolute_url()
        return format_html('<a href="{}">{}</a>', url, url) if url else "every page"
