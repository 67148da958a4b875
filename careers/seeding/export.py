"""Exporting every content row as one document in the seed's shape."""

from collections.abc import Iterable
from typing import Any

from careers.content.models import Responsibility, RoleSkill
from careers.editable import EditableContent, content_queryset, row_values
from careers.seeding.schema import COLLECTIONS, SEED_FILES, document_key

# --- Exporting -----------------------------------------------------------------------


def _document_values(row: EditableContent, *, implied: Iterable[str]) -> dict[str, Any]:
    values = {k: v for k, v in row_values(row).items() if k not in set(implied)}
    values["seed_fingerprint"] = row.seed_fingerprint
    return values


def export_document() -> dict[str, Any]:
    """Every content row, in the seed's shape (one key per collection), with fingerprints."""
    document: dict[str, Any] = {}
    for name in (name for names in SEED_FILES.values() for name in names):
        key = document_key(COLLECTIONS[name])
        document[name] = {
            getattr(row, key): _document_values(row, implied=[key])
            for row in content_queryset(COLLECTIONS[name])
        }
    for row in content_queryset(Responsibility):
        role = document["roles"][row.role.slug]
        role.setdefault("responsibilities", []).append(_document_values(row, implied=["role"]))
    for row in content_queryset(RoleSkill):
        area = document["skill_areas"][row.area.slug]
        levels = area.setdefault("levels", {})
        levels[row.role.slug] = _document_values(row, implied=["role", "area"])
    return document
