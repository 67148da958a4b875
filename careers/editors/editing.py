"""No lost updates: the state a change form started from, and what others did since.

Every change form carries an *editing token*: the row's latest history version, a hash
of the row as it then was (its inline rows included) and the stamp of its draft. Saving,
saving as a draft and publishing compare it with the row as it is now; when another
editor got there first, the save is refused and `EditConflict` says who changed what.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from reversion.errors import RevertError
from reversion.models import Revision, Version

from careers.editors.models import Draft
from careers.fingerprint import fingerprint
from careers.history.diff import Change, changes, live_state, related_names, version_state

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
