"""The base of every content admin (`ContentAdmin`): help under the fields and text areas
sized to their text, drafts, publishing and edit conflicts (`DraftsAdmin`), the history
with diffs and restore, the content checks on save (and their page), and a filter by seed
status (as seeded, edited, added by hand).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from careers.editable import (
    EditableContent,
    Record,
    content_queryset,
    editable_models,
    row_values,
    seed_status,
)
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
from careers.faithfulness import (
    copied_findings,
    number_findings,
    shipped_article_facts,
)
from careers.history.admin import HistoryAdmin
from careers.history.diff import followed_relations

# --- Help texts ---------------------------------------------------------------------------
# Help text the admin shows under fields whose meaning is not obvious.
#
# Kept here rather than on the model fields: a model's help_text is part of its migration
# state, and wording is for editors, not for the schema. Keys are "model_name.field_name";
# a field the models define their own help text for keeps it unless named here.
HELP_TEXTS = {
    # Shared wording for the fields most models have.
    "*.slug": "The row's address in URLs and in the seed files. Changing it breaks links "
    "people saved; the seed recognises the row by its name instead.",
    "*.order": "Position in lists: smaller numbers come first.",
    "*.article_section": "The article section this rests on: named to visitors under "
    "the section's '§ Source' mark. Only the article's own headings are offered.",
    # Roles and what hangs off them.
    "role.tagline": "One line under the role's name on cards and in search results.",
    "role.summary": "The opening paragraph of the role's page.",
    "role.career_path": "Where the role leads: shown under 'Career path' on its page.",
    "role.work_environment": "Who the role works with and how: 'Work environment' on its page.",
    "responsibility.text": "One thing the role does, as one sentence on its page.",
    "role.skills_summary": "What the role's skills add up to, as the article sums them up.",
    "role.outlook": "Where the role is heading, as the article's outlook puts it.",
    "roleskill.emphasis": "The article's one word for this skill in this role (its skills "
    "table: Deep/Broad, Practical/Strategic…), shown beside the other role's word. Never a "
    "score.",
    "roleskill.description": "What the skill means for this role: shown under its word.",
    "skillarea.description": "What the area covers, shown at the head of its row.",
    # Tools and salaries.
    "toolcategory.description": "Shown above the category's tools on the tools page.",
    "tool.roles": "The roles that use this tool; the tools page filters by them.",
    "tool.url": "The tool's own site (optional).",
    "salaryrange.low": "Yearly pay at the bottom of the range, in the currency below.",
    "salaryrange.high": "Yearly pay at the top of the range.",
    "salaryrange.median": "Leave empty when the source gives no median; it must lie within "
    "the range.",
    "salaryrange.currency": "ISO code, e.g. USD.",
    "salaryrange.region": "Where the range applies, e.g. 'United States'.",
    "salaryrange.year": "The year the source reports the range for.",
    # The questionnaire.
    "decisionfactor.description": "What the factor asks the visitor to weigh, shown on the "
    "methodology page and beside their leaning in the result.",
    "question.statement": "What the visitor agrees or disagrees with, on a five-point scale.",
    "question.leans_toward": "The role that agreeing points to; disagreeing points to the "
    "factor's other role. Keep statements on both sides of every factor.",
    "question.weight": "How much this statement counts within its factor: each side's "
    "agreement is a weighted mean of its statements, so a weight changes the balance among "
    "statements on the same side, never the balance between the two sides.",
    "question.active": "Untick to take the statement out of the assessment without "
    "deleting it; stored results keep the questions they were scored with.",
    # FAQs and sources.
    "faq.related_role": "The role page that lists this question, if any.",
    "faq.attribution": "Only an attribution the article itself states (e.g. that an answer "
    "was verified by its editors); leave empty otherwise.",
    "source.citation": "The reference exactly as the article's reference list words it.",
    "keypoint.text": "A point the article makes, in RoleFit's own words (no copied sentences).",
    "keypoint.on_home": "Tick the pages the point appears on.",
    # Page copy.
    "pagecopy.key": "Where the text appears: the page, then the place on it. Templates ask "
    "for it by this name, so it cannot be changed.",
    "pagecopy.text": "RoleFit's own words, shown as written. Put **two asterisks** around "
    "words to show them in bold; keep a {name} in braces as it is: the page fills in a "
    "number there.",
}


def help_text_for(model: type[models.Model], field_name: str) -> str | None:
    name = model._meta.model_name
    return HELP_TEXTS.get(f"{name}.{field_name}", HELP_TEXTS.get(f"*.{field_name}"))


def length_limit_text(db_field: models.Field) -> str | None:
    """A text box's length limit, worded for the help under it."""
    if isinstance(db_field, models.TextField) and db_field.max_length:
        return f"At most {db_field.max_length:,} characters."
    return None


# A one-line box cuts off text longer than this: such fields get a text area instead.
LONG_CHARFIELD = 150
CHARACTERS_PER_LINE = 80


class FittedTextarea(forms.Textarea):
    """A text area as tall as the text it holds (a line per 80 characters, one spare), so
    an editor sees all of it without scrolling inside the box."""

    def get_context(self, name, value, attrs):
        text = str(value or "")
        lines = sum(1 + len(line) // CHARACTERS_PER_LINE for line in text.splitlines() or [""])
        attrs = {**(attrs or {}), "rows": max(2, lines + 1)}
        return super().get_context(name, value, attrs)


def fitted_widget(db_field: models.Field) -> forms.Widget | None:
    """A text area for long text (text fields, and char fields too long for one line)."""
    if db_field.choices:
        return None
    if isinstance(db_field, models.TextField) or (
        isinstance(db_field, models.CharField)
        and (db_field.max_length or 0) >= LONG_CHARFIELD
        and not isinstance(db_field, models.SlugField | models.URLField)
    ):
        return FittedTextarea(attrs={"cols": CHARACTERS_PER_LINE})
    return None


class HelpTextsMixin:
    """For ModelAdmin and inline classes: puts HELP_TEXTS, and a text box's length limit,
    under the form fields, and gives long text a text area sized to it."""

    def formfield_for_dbfield(self, db_field, request, **kwargs) -> forms.Field | None:
        widget = fitted_widget(db_field)
        if widget is not None and "widget" not in kwargs:
            kwargs["widget"] = widget
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None:
            return None
        text = help_text_for(self.model, db_field.name) or formfield.help_text
        limit = length_limit_text(db_field)
        formfield.help_text = " ".join(str(part) for part in (text, limit) if part)
        return formfield


# --- Drafts -------------------------------------------------------------------------------
# `DraftsAdmin`: drafts, publishing and edit conflicts on every content admin.
#
# - The change form opens on the row's draft when it has one; "Save as draft" stores the
#   form without publishing it; "Save" publishes at once (and the draft with it).
# - Every change form carries the editing token (careers.editors.drafts): a save made from
#   a version someone has changed since is refused, showing what they changed.
# - The list shows which rows have a draft; the draft page shows what the draft changes,
#   opens the preview, publishes now or at a time, and discards it.
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


# --- The base of every content admin ------------------------------------------------------


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
    or at a time and no lost updates (careers.editors.content_admin), every save in the
    history with a diff and a restore button (careers.history), and the content checks on
    every save and at the top of the change page (careers.editors.content_admin)."""

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


# --- Content checks -----------------------------------------------------------------------
# The seed's faithfulness check (careers.faithfulness) run on the rows in the database,
# against the facts the site ships about the article.
#
# - `findings_for(row)`: what is wrong with one row and the rows saved with it (a role's
#   responsibilities, skills and salaries), for the change page and for publishing.
# - `all_findings()`: every finding across the content, for the "Content checks" page.
#
# They warn: nothing here refuses a save. What the seed loader refuses (an unknown article
# section, a low above the high, text over its limit…) the admin's forms refuse already.
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


# The admin's "Content checks" page: every finding, linked to its row.


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
