"""The content rows a page shows, for the "last reviewed" date its footer gives."""

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass

from django.db.models import Model, QuerySet

from careers.content.key_points import KeyPointRef
from careers.content.models import KeyPoint, Responsibility


@dataclass(frozen=True)
class RowRef:
    """A content row a page shows through its values only (a text, a link)."""

    model: type[Model]
    pk: int


def shown_rows(*items) -> Iterator[tuple[type[Model], object]]:
    """(model, primary key) of every content row in `items`: rows, `RowRef`s, key points,
    and the page objects and lists holding them. A role read with `roles_annotated` also
    shows its responsibilities."""
    for item in items:
        if isinstance(item, Model):
            yield type(item), item.pk
            for pk in getattr(item, "responsibility_ids", None) or ():
                yield Responsibility, pk
        elif isinstance(item, RowRef):
            yield item.model, item.pk
        elif isinstance(item, KeyPointRef):
            yield KeyPoint, item.id
        elif is_dataclass(item):
            yield from shown_rows(*(getattr(item, f.name) for f in fields(item)))
        elif isinstance(item, list | tuple | QuerySet):
            yield from shown_rows(*item)
