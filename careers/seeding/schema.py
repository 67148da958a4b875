"""What a content document holds: its collections, their models and fields, and its records."""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from careers.editable import content_fields
from careers.models import (
    FAQ,
    DecisionFactor,
    EditableContent,
    Experiment,
    KeyPoint,
    PageCopy,
    Question,
    Responsibility,
    Role,
    RoleSkill,
    SalaryRange,
    SkillArea,
    Source,
    Tool,
    ToolCategory,
)

SEED_DIR = Path(__file__).resolve().parent.parent / "seed"

# Which collections each seed file holds, in the order the document lists them.
SEED_FILES: dict[str, tuple[str, ...]] = {
    "sources.json": ("sources",),
    "roles.json": ("roles",),
    "skills.json": ("skill_areas",),
    "tools.json": ("tool_categories", "tools"),
    "salaries.json": ("salaries",),
    "factors.json": ("factors",),
    "questions.json": ("questions",),
    "experiments.json": ("experiments",),
    "faqs.json": ("faqs",),
    "key_points.json": ("key_points",),
    "page_copy.json": ("page_copy",),
}

# Top-level collections: name -> model, each keyed by slug.
COLLECTIONS: dict[str, type[EditableContent]] = {
    "sources": Source,
    "roles": Role,
    "skill_areas": SkillArea,
    "tool_categories": ToolCategory,
    "tools": Tool,
    "salaries": SalaryRange,
    "factors": DecisionFactor,
    "questions": Question,
    "experiments": Experiment,
    "faqs": FAQ,
    "key_points": KeyPoint,
    "page_copy": PageCopy,
}

# Rows that live inside a parent record: parent collection -> (key, model).
NESTED: dict[str, tuple[str, type[EditableContent]]] = {
    "roles": ("responsibilities", Responsibility),
    "skill_areas": ("levels", RoleSkill),
}

# Models are written in this order, so every relation points at a row already written.
WRITE_ORDER: tuple[type[EditableContent], ...] = (
    Source,
    Role,
    Responsibility,
    SkillArea,
    RoleSkill,
    ToolCategory,
    Tool,
    SalaryRange,
    DecisionFactor,
    Question,
    Experiment,
    FAQ,
    KeyPoint,
    PageCopy,
)

# How a row is recognised across runs; every other content model is recognised by slug.
NATURAL_KEYS: dict[type[EditableContent], tuple[str, ...]] = {
    Responsibility: ("role", "order"),
    RoleSkill: ("role", "area"),
    PageCopy: ("key",),
}
# The field a collection is keyed by, when it is not the slug ("home.hero.title").
DOCUMENT_KEYS: dict[type[EditableContent], str] = {PageCopy: "key"}

# Two processes seeding at once (several app servers starting) take turns.


class ContentError(Exception):
    """Content that cannot be loaded; `problems` names each file and record at fault."""

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class ContentDocument:
    """Collections read from one or more files, with the file each collection came from."""

    collections: dict[str, Any]
    origins: dict[str, str]


# --- Fields and values ---------------------------------------------------------------


def natural_key_fields(model: type[EditableContent]) -> tuple[str, ...]:
    """The fields that identify a row of `model` from one run to the next."""
    return NATURAL_KEYS.get(model, ("slug",))


def document_key(model: type[EditableContent]) -> str:
    """The field whose value keys `model`'s records in a document: the slug, mostly."""
    return DOCUMENT_KEYS.get(model, "slug")


def unique_field_names(model: type[EditableContent]) -> list[str]:
    """Fields besides the document key that no two rows of `model` may share (a role's name)."""
    return [
        f.name
        for f in content_fields(model)
        if getattr(f, "unique", False) and not f.primary_key and f.name != document_key(model)
    ]
