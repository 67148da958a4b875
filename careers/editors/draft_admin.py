"""`DraftsAdmin`: drafts, publishing and edit conflicts on every content admin.

- The change form opens on the row's draft when it has one; "Save as draft" stores the
  form without publishing it; "Save" publishes at once (and the draft with it).
- Every change form carries the editing token (careers.editors.drafts): a save made from
  a version someone has changed since is refused, showing what they changed.
- The list shows which rows have a draft; the draft page shows what the draft changes,
  opens the preview, publishes now or at a time, and discards it.
"""

from datetime import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from careers.editors.drafts import (
    SAVE_DRAFT,
    TOKEN_FIELD,
    DraftConflict,
    DraftInvalid,
    draft_changes,
    draft_discard,
    draft_save,
    draft_schedule,
    edit_conflict,
    editing_token,
    publish,
    when,
    who,
)
from careers.editors.middleware import preview_url
from careers.editors.models import Draft

DRAFT_STAMP_FIELD = "_draft_stamp"


class PublishForm(forms.Form):
    comment = forms.CharField(
        max_length=500,
        required=False,
        label="Comment for the history",
        help_text="Why the change is made, in a few words: the history shows it beside your name.",
    )
    publish_at = forms.DateTimeField(
        required=False,
        label="Publish at (UTC)",
        help_text="Leave empty and press “Publish now”, or pick a time and press “Schedule”: "
        "the change goes live on its own within a minute of that time.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
    )


def _editing_form(form_class, *, conflict, draft_data):
    """The admin's form class, bound to the draft's data when unbound (the change form
    opens on the draft), refusing to validate when another editor saved first."""

    class EditingForm(form_class):
        def __init__(self, data=None, files=None, *args, **kwargs):
            if data is None and draft_data is not None:
                data, files = draft_data, {}
            super().__init__(data, files, *args, **kwargs)

        def clean(self):
            cleaned = super().clean()
            if conflict is not None:  # the whole story is in the box above the form
                raise forms.ValidationError(
                    "Not saved: someone else changed this first (see above).",
                    code="edit_conflict",
                )
            return cleaned

    EditingForm.__name__ = form_class.__name__
    return EditingForm


class DraftsAdmin(admin.ModelAdmin):
    change_form_template = "editors/change_form.html"
    draft_template = "editors/draft.html"

    # --- The list: which rows have a draft --------------------------------------------

    def get_queryset(self, request):
        content_type = ContentType.objects.get_for_model(self.model, for_concrete_model=False)
        drafts = Draft.objects.filter(
            content_type=content_type, object_id=Cast(OuterRef("pk"), CharField())
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                draft_saved_at=Subquery(drafts.values("saved_at")[:1]),
                draft_publish_at=Subquery(drafts.values("publish_at")[:1]),
            )
        )

    def get_list_display(self, request):
        return [*super().get_list_display(request), "draft_status"]

    @admin.display(description="draft", ordering="draft_saved_at")
    def draft_status(self, obj):
        if getattr(obj, "draft_saved_at", None) is None:
            return "—"
        if obj.draft_publish_at is not None:
            text = f"Scheduled for {when(obj.draft_publish_at)}"
        else:
            text = f"Draft, saved {when(obj.draft_saved_at)}"
        return format_html('<a href="{}">{}</a>', self._draft_url(obj.pk), text)

    # --- The change form: open on the draft, save as a draft, refuse lost updates ------

    def _draft_url(self, object_id) -> str:
        opts = self.model._meta
        return reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_draft",
            args=[quote(object_id)],
        )

    def get_urls(self):
        opts = self.model._meta
        name = f"{opts.app_label}_{opts.model_name}_draft"
        return [
            path("<path:object_id>/draft/", self.admin_site.admin_view(self.draft_view), name=name),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        # Before the history's revision opens: a conflict's diff must not be recorded.
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            request.editing_draft = Draft.objects.for_object(obj).first()
            if request.method == "POST":
                if SAVE_DRAFT in request.POST and not request.user.has_perm("careers.add_draft"):
                    raise PermissionDenied
                token = request.POST.get(TOKEN_FIELD)
                if token is not None:  # a form from elsewhere (a script) carries none
                    request.edit_conflict = edit_conflict(obj, token, user=request.user)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        conflict = getattr(request, "edit_conflict", None)
        draft = getattr(request, "editing_draft", None) if request.method == "GET" else None
        if conflict is None and draft is None:
            return form
        return _editing_form(form, conflict=conflict, draft_data=draft and draft.form_data())

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        draft = getattr(request, "editing_draft", None)
        if request.method == "GET" and draft is not None:
            kwargs.update(data=draft.form_data(), files={})
        return kwargs

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if change and obj is not None:
            conflict = getattr(request, "edit_conflict", None)
            started = request.POST.get(TOKEN_FIELD) if request.method == "POST" else None
            # A form sent back for a mistake keeps the version it started from; one refused
            # for a conflict (or opened afresh) starts from the row as it is now.
            # (Read afresh: a form bound to a draft has written the draft into `obj`.)
            live = self.model._default_manager.get(pk=obj.pk)
            token = started if started and conflict is None else str(editing_token(live))
            draft = getattr(request, "editing_draft", None)
            context.update(
                editing_token=token,
                conflict=conflict,
                editing_draft=draft,
                editing_draft_by=who(draft.saved_by) if draft else None,
                draft_url=self._draft_url(obj.pk),
                can_save_draft=request.user.has_perm("careers.add_draft")
                and self.has_change_permission(request, obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _drafting(self, request, change) -> bool:
        return change and request.method == "POST" and SAVE_DRAFT in request.POST

    def save_model(self, request, obj, form, change):
        if self._drafting(request, change):
            live = self.model._default_manager.get(pk=obj.pk)
            base = request.POST.get(TOKEN_FIELD) or str(editing_token(live))
            draft_save(live, posted=request.POST, user=request.user, base_token=base)
            return
        super().save_model(request, obj, form, change)
        if change:  # the form showed the draft, if there was one: it is live now
            Draft.objects.for_object(obj).delete()

    def save_related(self, request, form, formsets, change):
        if not self._drafting(request, change):
            super().save_related(request, form, formsets, change)

    def construct_change_message(self, request, form, formsets, add=False):
        if self._drafting(request, not add):
            return []  # the formsets were not saved: nothing to describe
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if not self._drafting(request, True):
            return super().log_change(request, obj, message)
        return None

    def response_change(self, request, obj):
        if SAVE_DRAFT not in request.POST:
            return super().response_change(request, obj)
        messages.success(
            request,
            f"The draft of “{obj}” is saved. Visitors still see the published version: "
            "preview the draft, publish it now or at a time, or discard it here.",
        )
        return HttpResponseRedirect(self._draft_url(obj.pk))

    # --- The draft page: what it changes, preview, publish, schedule, discard ----------

    def draft_view(self, request, object_id):
        obj = get_object_or_404(self.model, pk=unquote(object_id))
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        draft = Draft.objects.for_object(obj).select_related("saved_by", "scheduled_by").first()
        if draft is None:
            messages.info(request, f"“{obj}” has no draft: it was published or discarded.")
            return HttpResponseRedirect(self._change_url(obj.pk))
        if request.method == "POST":
            return self._draft_action(request, obj, draft)
        initial = {"comment": draft.publish_comment, "publish_at": draft.publish_at}
        return self._draft_page(request, obj, draft, PublishForm(initial=initial))

    def _change_url(self, object_id) -> str:
        opts = self.model._meta
        name = f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change"
        return reverse(name, args=[quote(object_id)])

    def _draft_page(self, request, obj, draft, form, *, conflict=None, status=200):
        try:
            lines, problem = draft_changes(draft, request.user), draft.problem
        except DraftInvalid as error:
            lines, problem = [], str(error)
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "app_label": opts.app_label,
            "original": obj,
            "title": f"Draft of {opts.verbose_name} “{obj}”",
            "draft": draft,
            "saved_by": who(draft.saved_by),
            "scheduled_by": who(draft.scheduled_by),
            "changes": lines,
            "problem": problem,
            "conflict": conflict,
            "form": form,
            "preview_url": preview_url(draft),
            "change_url": self._change_url(obj.pk),
            "history_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                args=[quote(obj.pk)],
            ),
            "can_publish": request.user.has_perm("careers.publish_draft"),
            "can_discard": request.user.has_perm("careers.delete_draft"),
            "draft_stamp_field": DRAFT_STAMP_FIELD,
        }
        return TemplateResponse(request, self.draft_template, context, status=status)

    def _draft_action(self, request, obj, draft):
        if request.POST.get(DRAFT_STAMP_FIELD) != draft.stamp:
            messages.error(
                request,
                f"{who(draft.saved_by)} saved this draft again at {when(draft.saved_at)}, "
                "after you opened this page. Nothing was done: check what it changes now.",
            )
            return HttpResponseRedirect(request.path)
        if "_discard" in request.POST:
            return self._discard(request, obj, draft)
        if not request.user.has_perm("careers.publish_draft"):
            raise PermissionDenied
        form = PublishForm(request.POST)
        if not form.is_valid():
            return self._draft_page(request, obj, draft, form, status=400)
        comment, publish_at = form.cleaned_data["comment"], form.cleaned_data["publish_at"]
        if "_schedule" in request.POST:
            return self._schedule(request, obj, draft, form, publish_at, comment)
        if "_unschedule" in request.POST:
            draft_schedule(draft, publish_at=None, user=request.user, comment="")
            messages.success(request, "The schedule is cleared: the draft stays a draft.")
            return HttpResponseRedirect(request.path)
        return self._publish(request, obj, draft, form, comment)

    def _publish(self, request, obj, draft, form, comment: str):
        try:
            published = publish(draft, request.user, comment)
        except DraftConflict as refused:
            return self._draft_page(
                request, obj, draft, form, conflict=refused.conflict, status=409
            )
        except DraftInvalid as error:
            messages.error(request, str(error))
            return self._draft_page(request, obj, draft, form, status=409)
        messages.success(
            request,
            f"“{published}” is published: visitors see it now, and the history records it "
            "under your name.",
        )
        self.content_saved(request, published)
        return HttpResponseRedirect(self._change_url(obj.pk))

    def content_saved(self, request, obj) -> None:
        """Called after a save or a publish made `obj` live (ContentAdmin runs the content
        checks here)."""

    def _schedule(self, request, obj, draft, form, publish_at: datetime | None, comment: str):
        if publish_at is None or publish_at <= timezone.now():
            form.add_error("publish_at", "Pick a time in the future, or press “Publish now”.")
            return self._draft_page(request, obj, draft, form, status=400)
        draft_schedule(draft, publish_at=publish_at, user=request.user, comment=comment)
        messages.success(
            request,
            f"The draft will be published at {when(publish_at)}, under your name. "
            "Until then visitors see the published version.",
        )
        return HttpResponseRedirect(request.path)

    def _discard(self, request, obj, draft):
        if not request.user.has_perm("careers.delete_draft"):
            raise PermissionDenied
        draft_discard(draft)
        messages.success(
            request, f"The draft of “{obj}” is discarded; the published version stays."
        )
        return HttpResponseRedirect(self._change_url(obj.pk))
