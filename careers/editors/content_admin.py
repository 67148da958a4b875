"""The base of every content admin: help under the fields, drafts and publishing, the
history with diffs and restore, and a filter by seed status (as seeded, edited, added by
hand)."""

from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join

from careers.editable import content_queryset, seed_status
from careers.editors.checks import findings_for
from careers.editors.draft_admin import DraftsAdmin
from careers.editors.help_texts import HelpTextsMixin
from careers.history.admin import HistoryAdmin


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
    or at a time and no lost updates (careers.editors.draft_admin), every save in the
    history with a diff and a restore button (careers.history), and the content checks on
    every save and at the top of the change page (careers.editors.checks)."""

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
