"""Reads of the article's key points for the pages that show them."""

from dataclasses import dataclass

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models.functions import JSONObject

from careers.content.models import PLACEMENTS, KeyPoint

FIELDS = ("id", "slug", "title", "text", "article_section")


@dataclass(frozen=True)
class KeyPointRef:
    """A key point as a page shows it (read as an array alongside other rows)."""

    id: int
    slug: str
    title: str
    text: str
    article_section: str


def _checked(placement: str) -> str:
    if placement not in PLACEMENTS:
        raise ValueError(f"unknown placement {placement!r}")
    return placement


def key_points(placement: str) -> tuple[KeyPoint, ...]:
    """The key points shown on one kind of page (`placement`: a flag of PLACEMENTS); one query."""
    return tuple(KeyPoint.objects.filter(**{_checked(placement): True}))


def key_point_array(placement: str) -> ArraySubquery:
    """The same, as an array to annotate another query with (no query of its own)."""
    rows = KeyPoint.objects.filter(**{_checked(placement): True}).order_by("order", "slug")
    return ArraySubquery(rows.values(row=JSONObject(**{name: name for name in FIELDS})))


def key_point_refs(rows) -> tuple[KeyPointRef, ...]:
    """Key points from an array `key_point_array` annotated."""
    return tuple(KeyPointRef(**row) for row in rows or ())
