"""The base of every content admin: help under the fields, drafts and publishing, the
history with diffs and restore, and a filter by seed status (as seeded, edited, added by
hand)."""

from django.contrib import admin

from careers.editable import content_queryset, seed_status
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
    history with a diff and a restore button (careers.history)."""

    list_per_page = 50
