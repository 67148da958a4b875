"""`HistoryAdmin`: the content admin's history page, version page and one-click restore.

django-reversion records a revision for every add, change and list edit (its
VersionAdmin wraps those views). This class replaces its history page with one that shows
what each version changed, field by field, and replaces its revert form with a page
that shows what restoring would change and a button that does it (`restore_version`).
"""

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from careers.history import registry
from careers.history.diff import changes, live_state, related_names, version_state
from careers.history.restore import RestoreError, restore_version

# The admin classes are built during autodiscovery, before this app's ready(): register
# the content models first, with what follows them, so VersionAdmin's own guessing
# does not.
registry.register_content_models()


class HistoryAdmin(VersionAdmin):
    object_history_template = "history/object_history.html"
    version_template = "history/version.html"

    def _url(self, name: str, *args) -> str:
        opts = self.model._meta
        site = self.admin_site.name
        return reverse(f"{site}:{opts.app_label}_{opts.model_name}_{name}", args=args)

    def _versions(self, object_id: str):
        return (
            Version.objects.get_for_object_reference(self.model, object_id)
            .select_related("revision", "revision__user")
            .order_by("pk")
        )

    def history_view(self, request, object_id, extra_context=None):
        """Each version, newest first, with what it changed and a link to open it."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        with related_names():
            entries = self._history_entries(object_id)
        context = {"history_entries": entries, **(extra_context or {})}
        return super().history_view(request, quote(object_id), context)

    def _history_entries(self, object_id: str) -> list[dict]:
        """Newest first: each version, and what it changed from the one before."""
        versions = list(self._versions(object_id))
        entries, previous = [], None
        for index, version in enumerate(versions):
            try:
                state = version_state(version)
            except RevertError:  # saved under an older schema that no longer loads
                state = None
            entries.append(
                {
                    "version": version,
                    "revision": version.revision,
                    "changes": changes(previous, state) if state else [],
                    "first": index == 0,
                    "unreadable": state is None,
                    "latest": index == len(versions) - 1,
                    "url": self._url("revision", quote(object_id), version.pk),
                }
            )
            previous = state
        return list(reversed(entries))

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """GET: an old version and what restoring it would change. POST: restore it."""
        object_id = unquote(object_id)
        version = get_object_or_404(self._versions(object_id), pk=version_id)
        obj = get_object_or_404(self.model, pk=object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        if request.method == "POST":
            return self._restore(request, version)
        with related_names():
            return self._version_page(request, version, live_state(obj), obj)

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted row's last version, and a button that brings it back."""
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(self.model), pk=version_id)
        if request.method == "POST":
            return self._restore(request, version)
        return self._version_page(request, version, None, None)

    def _version_page(self, request, version, current, obj):
        try:
            stored = version_state(version)
        except RevertError as error:  # saved under an older schema that no longer loads
            messages.error(request, str(error))
            return redirect(self._url("changelist"))
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "object": obj,
            "version": version,
            "title": f"Version of {version.revision.date_created:%Y-%m-%d %H:%M}",
            "stored": stored,
            "restore_changes": changes(current, stored) if current else None,
            "history_url": self._url("history", quote(version.object_id)) if obj else None,
        }
        return TemplateResponse(request, self.version_template, context)

    def _restore(self, request, version):
        try:
            restored = restore_version(version, request.user)
        except RestoreError as error:
            messages.error(request, str(error))
            return redirect(self._url("changelist"))
        messages.success(
            request,
            f"Restored “{restored}” as it was on {version.revision.date_created:%Y-%m-%d %H:%M}. "
            "The public pages show it now; the history lists the restore, so it can be undone.",
        )
        return redirect(self._url("change", quote(restored.pk)))
