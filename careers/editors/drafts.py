"""Drafts: saving a change without publishing it, trying it, publishing it now or later.

A draft replays the admin change form the editor filled in (`draft_apply`), so a
preview, a publish and a scheduled publish all go through the same form checks as an
ordinary save. `publish` is the one way a draft goes live.

No lost updates: every change form carries an *editing token* (see "Editing tokens"
below).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import reversion
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, models, transaction
from django.forms.formsets import all_valid
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from reversion.errors import RevertError
from reversion.models import Revision, Version

from careers.editors.models import Draft
from careers.fingerprint import fingerprint
from careers.history.diff import Change, changes, live_state, related_names, version_state
from careers.history.registry import recorded

# --- Editing tokens -----------------------------------------------------------------------
# No lost updates: the state a change form started from, and what others did since.
#
# Every change form carries an *editing token*: the row's latest history version, a hash
# of the row as it then was (its inline rows included) and the stamp of its draft. Saving,
# saving as a draft and publishing compare it with the row as it is now; when another
# editor got there first, the save is refused and `EditConflict` says who changed what.
TOKEN_FIELD = "_editing_token"  # noqa: S105 - a form field's name, not a secret
NO_DRAFT = "-"


@dataclass(frozen=True)
class EditingToken:
    version_id: int | None
    state: str
    draft: str

    def __str__(self) -> str:
        return f"{self.version_id or ''}:{self.state}:{self.draft}"

    @classmethod
    def parse(cls, text: str) -> "EditingToken | None":
        parts = text.split(":")
        if len(parts) != 3 or not (parts[0] == "" or parts[0].isdigit()) or len(parts[1]) != 64:
            return None
        return cls(int(parts[0]) if parts[0] else None, parts[1], parts[2])


@dataclass
class EditConflict:
    """Another editor saved the row (or its draft) after this form was opened."""

    message: str
    changes: list[Change] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)


def state_hash(obj: models.Model) -> str:
    """A hash of the row's values and of the rows that travel with it."""
    with related_names():
        state = live_state(obj)
    children = {f"{key[0]._meta.label}:{key[1]}": row.values for key, row in state.children.items()}
    return fingerprint({"row": state.row.values, "children": children})


def latest_version(obj: models.Model) -> Version | None:
    return Version.objects.get_for_object(obj).order_by("-pk").first()


def editing_token(obj: models.Model) -> EditingToken:
    version = latest_version(obj)
    draft = Draft.objects.for_object(obj).first()
    return EditingToken(
        version.pk if version else None, state_hash(obj), draft.stamp if draft else NO_DRAFT
    )


def when(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M on %-d %b %Y (%Z)")


def who(user) -> str:
    return user.get_username() if user is not None else "a command (not an editor)"


def saved_since(obj: models.Model, token: EditingToken) -> EditConflict:
    noun = obj._meta.verbose_name
    since = Version.objects.get_for_object(obj).select_related("revision__user").order_by("pk")
    if token.version_id is not None:
        since = since.filter(pk__gt=token.version_id)
    revisions = [version.revision for version in since]
    if revisions:
        names = ", ".join(sorted({who(r.user) for r in revisions}))
        message = (
            f"{names} saved this {noun} at {when(revisions[-1].date_created)}, after you opened it."
        )
    else:
        message = f"Someone changed this {noun} after you opened it."
    message += (
        " Your change was not saved. What they changed is shown here; your edits are still "
        "in the form. To keep theirs, reload the page and redo your edit; saving again "
        "replaces their version with yours."
    )
    return EditConflict(message, _changes_since(obj, token.version_id), revisions)


def _changes_since(obj: models.Model, version_id: int | None) -> list[Change]:
    start = Version.objects.filter(pk=version_id).first() if version_id else None
    if start is None:
        return []
    with related_names():
        try:
            return changes(version_state(start), live_state(obj))
        except RevertError:  # saved under an older schema
            return []


SAVE_DRAFT = "_save_draft"
# Chosen once for RoleFit: the lock only one worker at a time publishes due drafts under.
PUBLISHING_LOCK = 0x524F4C45_46495401


# --- Drafts --------------------------------------------------------------------------------


class DraftInvalid(Exception):
    """The draft no longer passes the form's checks (e.g. a slug another row took since)."""


class DraftConflict(Exception):
    def __init__(self, conflict: EditConflict):
        super().__init__(conflict.message)
        self.conflict = conflict


def posted_fields(posted: QueryDict) -> dict[str, list[str]]:
    """The form's own fields from a POST: no CSRF token, buttons or editing token."""
    return {name: posted.getlist(name) for name in posted if not _is_control(name)}


def _is_control(name: str) -> bool:
    return name.startswith("_") or name in {"csrfmiddlewaretoken", TOKEN_FIELD}


def draft_save(obj: models.Model, *, posted: QueryDict, user, base_token: str) -> Draft:
    """Stores the form's data as `obj`'s draft (replacing any), keeping its schedule."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    draft, _ = Draft.objects.update_or_create(
        content_type=content_type,
        object_id=str(obj.pk),
        defaults={
            "object_repr": str(obj)[:200],
            "data": posted_fields(posted),
            "base_token": base_token,
            "saved_by": user,
            "saved_at": timezone.now(),
            "problem": "",
        },
    )
    return draft


def draft_discard(draft: Draft) -> None:
    draft.delete()


def drafts_of_deleted_row(sender, instance, **kwargs) -> None:
    """A deleted row's draft goes with it (connected to every content model's delete)."""
    Draft.objects.for_object(instance).delete()


def _replayed_request(draft: Draft, user) -> HttpRequest:
    """A POST of the draft's form data by `user`, as the admin's form machinery reads it."""
    request = HttpRequest()
    request.method = "POST"
    request.POST = draft.form_data()
    request.FILES = MultiValueDict()
    request.user = user
    request._messages = CookieStorage(request)  # notes the admin adds go nowhere
    return request


def draft_apply(draft: Draft, user) -> models.Model:
    """Saves the draft's form data to its row and inline rows; the caller owns the
    transaction and the history revision. Raises DraftInvalid, changing nothing."""
    model_admin = admin.site._registry[draft.model]
    obj = _live_object(draft)
    request = _replayed_request(draft, user)
    fields = flatten_fieldsets(model_admin.get_fieldsets(request, obj))
    form = model_admin.get_form(request, obj, change=True, fields=fields)(
        request.POST, request.FILES, instance=obj
    )
    formsets, _ = model_admin._create_formsets(request, form.instance, change=True)
    if not (form.is_valid() and all_valid(formsets)):
        raise DraftInvalid(_problems(form, formsets))
    saved = model_admin.save_form(request, form, change=True)
    model_admin.save_model(request, saved, form, True)
    model_admin.save_related(request, form, formsets, True)
    return saved


def _live_object(draft: Draft) -> models.Model:
    try:
        return draft.live_object()
    except ObjectDoesNotExist:
        raise DraftInvalid(f"“{draft.object_repr}” has been deleted since.") from None


def _problems(form, formsets) -> str:
    found = [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
    for formset in formsets:
        found.extend(str(error) for error in formset.non_form_errors())
        for inline in formset.forms:
            found.extend(f"{name}: {' '.join(errors)}" for name, errors in inline.errors.items())
    return "The draft no longer passes the form's checks: " + "; ".join(found)


@contextmanager
def rolled_back() -> Iterator[None]:
    """Changes made inside are undone at the end, recorded in no history, and move no
    content version (that happens only on commit)."""
    with transaction.atomic():
        try:
            with reversion.create_revision(manage_manually=True):
                yield
        finally:
            transaction.set_rollback(True)


def draft_changes(draft: Draft, user) -> list[Change]:
    """What publishing the draft would change, field by field (nothing is saved)."""
    with rolled_back(), related_names():
        obj = _live_object(draft)
        before = live_state(obj)
        after = live_state(draft_apply(draft, user))
    return changes(before, after)


def edit_conflict(obj: models.Model, token_text: str, *, user) -> EditConflict | None:
    """What stands between this form's save and the row as it is now; None when nothing."""
    noun = obj._meta.verbose_name
    token = EditingToken.parse(token_text)
    if token is None:
        return EditConflict(
            f"This form does not say which version of the {noun} it started from, so saving "
            "it could undo someone else's change. Open the page again and redo your edit."
        )
    if state_hash(obj) != token.state:
        return saved_since(obj, token)
    draft = Draft.objects.for_object(obj).first()
    current = draft.stamp if draft else NO_DRAFT
    if current != token.draft:
        return draft_since(obj, draft, user=user)
    return None


def draft_since(obj: models.Model, draft: Draft | None, *, user) -> EditConflict:
    noun = obj._meta.verbose_name
    if draft is None:
        return EditConflict(
            f"The draft of this {noun} that this form showed has since been published or "
            "discarded. Your change was not saved; your edits are still in the form."
        )
    try:
        lines = draft_changes(draft, user)
    except DraftInvalid:
        lines = []
    return EditConflict(
        f"{who(draft.saved_by)} saved a draft of this {noun} at {when(draft.saved_at)}, "
        "after you opened it. Your change was not saved. What their draft changes is shown "
        "here; your edits are still in the form, and saving again replaces their draft.",
        lines,
    )


def publish(draft: Draft, user, comment: str) -> models.Model:
    """Makes the draft live: its row and inline rows saved as one history revision that
    names `user` and `comment`, and the draft deleted. Refused (DraftConflict) when the
    row changed since the draft's form was opened; DraftInvalid when it fails the form's
    checks. All or nothing."""
    with transaction.atomic():
        obj = draft.model._default_manager.select_for_update().get(pk=draft.object_id)
        conflict = edit_conflict(obj, _state_only(draft.base_token, obj), user=user)
        if conflict is not None:
            raise DraftConflict(conflict)
        with recorded(f"Published: {comment.strip() or 'no comment'}", user):
            published = draft_apply(draft, user)
        draft.delete()
    return published


def _state_only(base_token: str, obj: models.Model) -> str:
    """The draft's base token with the draft part made current: publishing a draft checks
    the row, not the draft itself (which it is publishing)."""
    version, state, _ = [*base_token.split(":"), "", "", ""][:3]
    current = Draft.objects.for_object(obj).first()
    return f"{version}:{state}:{current.stamp if current else '-'}"


def draft_schedule(draft: Draft, *, publish_at: datetime | None, user, comment: str) -> None:
    """Sets (or, with no time, clears) when the draft publishes itself, and as whom."""
    draft.publish_at = publish_at
    draft.scheduled_by = user if publish_at else None
    draft.publish_comment = comment if publish_at else ""
    draft.problem = ""
    draft.save(update_fields=["publish_at", "scheduled_by", "publish_comment", "problem"])


def next_publish_at() -> datetime | None:
    return Draft.objects.aggregate(first=models.Min("publish_at"))["first"]


def publish_due_drafts(now: datetime | None = None) -> int:
    """Publishes every draft whose time has come, under a PostgreSQL advisory lock so that
    one worker does it; returns how many went live. A draft that cannot go live keeps
    its content, loses its schedule and says why (`problem`)."""
    now = now or timezone.now()
    published = 0
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [PUBLISHING_LOCK])
            if not cursor.fetchone()[0]:
                return 0  # another worker is publishing them
        for draft in Draft.objects.due(now).select_related("scheduled_by").order_by("publish_at"):
            if _publish_scheduled(draft):
                published += 1
    return published


def _publish_scheduled(draft: Draft) -> bool:
    try:
        with transaction.atomic():
            said = draft.publish_comment.strip() or "no comment"
            publish(draft, draft.scheduled_by, f"as scheduled for {when(draft.publish_at)}, {said}")
        return True
    except (DraftConflict, DraftInvalid) as error:
        problem = str(error)
    except Exception as error:  # one bad draft must not stop the site
        problem = f"It could not be published ({type(error).__name__}: {error})."
    draft.refresh_from_db()
    draft.problem = (
        f"Not published at {when(draft.publish_at)} ({who(draft.scheduled_by)}): {problem}"
    )
    draft.publish_at = None
    draft.save(update_fields=["problem", "publish_at"])
    return False
