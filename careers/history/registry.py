"""Which models django-reversion versions, and how commands record their changes."""

from collections.abc import Iterator
from contextlib import contextmanager

import reversion

from careers.editable import editable_models

# Rows edited inline with their parent are saved in the parent's revision, so restoring
# a role brings back its responsibilities, skills and salaries as they were.
FOLLOW = {
    "role": ("responsibilities", "skills", "salary_ranges"),
    "decisionfactor": ("questions",),
}
# Derived from the other fields and rebuilt by every save: not worth storing per version.
NOT_VERSIONED = ("search_vector",)


def register_content_models() -> None:
    """Registers every content model once (the admin imports this before the app's ready
    runs, hence the check)."""
    for model in editable_models():
        if reversion.is_registered(model):
            continue
        field_names = {f.name for f in model._meta.concrete_fields}
        reversion.register(
            model,
            follow=FOLLOW.get(model._meta.model_name, ()),
            exclude=[name for name in NOT_VERSIONED if name in field_names],
        )


@contextmanager
def recorded(comment: str, user=None) -> Iterator[None]:
    """Saves made inside become one revision with `comment` (and `user`) in the history."""
    with reversion.create_revision():
        reversion.set_comment(comment)
        if user is not None:
            reversion.set_user(user)
        yield


def record_unversioned_rows() -> int:
    """Gives every content row with no version yet a first one, so the first edit after
    history was switched on (on a database older than it) can be undone. Returns how
    many rows it recorded; none on later runs, so it is cheap to run at every start."""
    from reversion.models import Version

    missing = []
    for model in editable_models():
        versioned = set(Version.objects.get_for_model(model).values_list("object_id", flat=True))
        missing.extend(row for row in model._default_manager.all() if str(row.pk) not in versioned)
    if missing:
        with recorded("As it was when the history started."):
            for row in missing:
                reversion.add_to_revision(row)
    return len(missing)
