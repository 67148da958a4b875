"""When the content a page shows was last reviewed: the newest change the history holds
for the rows on the page (seeding, imports, edits and restores all record one)."""

from collections.abc import Iterable
from datetime import datetime
from functools import reduce
from operator import or_

from django.db.models import Max, Model, Q
from reversion.models import Version


def last_reviewed(rows: Iterable[tuple[type[Model], object]]) -> datetime | None:
    """The time of the newest revision holding any of `rows` ((model, primary key) pairs),
    or None when the history holds none of them. One query."""
    keys: dict[type[Model], set[str]] = {}
    for model, pk in rows:
        keys.setdefault(model, set()).add(str(pk))
    if not keys:
        return None
    condition = reduce(
        or_,
        (
            Q(
                content_type__app_label=model._meta.app_label,
                content_type__model=model._meta.model_name,
                object_id__in=sorted(pks),
            )
            for model, pks in keys.items()
        ),
    )
    found = Version.objects.filter(condition).aggregate(newest=Max("revision__date_created"))
    return found["newest"]
