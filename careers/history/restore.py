"""Putting a row (and the rows that travel with it) back as a stored version had it.

django-reversion's own revert restores a whole revision, and a revision written by
`seed_content` holds every row of the site; restoring one role must touch only that role
and its responsibilities, skills and salaries. The stored values are written back, then
every restored row is saved again the ordinary way, so that:

- the post_save signals run: the page cache's content version moves on (the public page
  shows the restored text at once) and the row's search document is rebuilt;
- the restore itself is recorded as a new revision, and can be undone in turn;
- `seed_fingerprint` keeps recording what the seed last wrote (a fact about the seed,
  not about the row), so `seed_content` judges a restored row as it judges any edit: as
  seeded when its values are the seed's, as edited otherwise.
"""

from django.db import IntegrityError, models, transaction
from django.utils import timezone
from reversion.errors import RevertError
from reversion.models import Version

from careers.history.diff import family_versions, followed_relations
from careers.history.registry import recorded


class RestoreError(Exception):
    """The version cannot be put back (a slug or name now taken by another row)."""


def _current_fingerprints(versions: list[Version]) -> dict[tuple[type, str], str]:
    fingerprints = {}
    for version in versions:
        row = version._model._default_manager.filter(pk=version.object_id).first()
        if row is not None and hasattr(row, "seed_fingerprint"):
            fingerprints[(version._model, str(version.object_id))] = row.seed_fingerprint
    return fingerprints


def _delete_rows_added_since(version: Version, family: list[Version]) -> None:
    """Rows that travel with the restored row but were not there in `version`."""
    kept = {(v._model, str(v.object_id)) for v in family}
    for relation in followed_relations(version._model):
        child_model = relation.related_model
        current = child_model._default_manager.filter(**{relation.field.attname: version.object_id})
        for child in current:
            if (child_model, str(child.pk)) not in kept:
                child.delete()


def restore_version(version: Version, user=None) -> models.Model:
    """Restores `version`'s row and its followed rows; returns the row. All or nothing."""
    family = family_versions(version)
    versions = [version, *family]
    when = timezone.localtime(version.revision.date_created).strftime("%Y-%m-%d %H:%M:%S")
    try:
        with transaction.atomic(), recorded(f"Restored the version of {when}.", user):
            fingerprints = _current_fingerprints(versions)
            _delete_rows_added_since(version, family)
            for stored in versions:
                stored.revert()  # raw write of the stored values (and many-to-many)
            for stored in versions:
                row = stored._model._default_manager.get(pk=stored.object_id)
                key = (stored._model, str(stored.object_id))
                if key in fingerprints:
                    row.seed_fingerprint = fingerprints[key]
                row.save()  # the ordinary save: signals, search document, new revision
            return version._model._default_manager.get(pk=version.object_id)
    except (IntegrityError, models.ProtectedError) as error:
        raise RestoreError(
            f"“{version.object_repr}” could not be restored, and nothing was changed: it "
            "would clash with another row's unique value, point to a row that no longer "
            f"exists, or remove a row something else depends on ({error})."
        ) from None
    except RevertError as error:  # stored by an older schema that no longer loads
        raise RestoreError(f"Nothing was changed: {error}") from None
