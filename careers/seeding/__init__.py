"""RoleFit's content as data: reading, validating, writing and exporting it.

The content is one JSON *document*: an object whose keys are collections
(``sources``, ``roles``, ``skill_areas``, ``tool_categories``, ``tools``, ``salaries``,
``factors``, ``questions``, ``faqs``), each an object keyed by slug. A role carries its
``responsibilities`` (a list) and a skill area its ``levels`` (keyed by role slug).
Relations are written as slugs. ``careers/seed/*.json`` split the document into files
(`SEED_FILES`); `export_document` produces it whole; `import` reads it back.

Everything is validated before anything is written, and the writes happen in one
transaction, so bad input changes nothing.

Seeding respects editors: each row remembers the hash of the values the seed last
wrote (``seed_fingerprint``). A row whose values no longer hash to it was edited in the
admin and is kept as it is, unless the seed is applied with ``update=True``.
"""

from careers.editable import content_queryset, row_values, seed_status
from careers.fingerprint import fingerprint
from careers.seeding.export import export_document
from careers.seeding.reading import (
    DOCUMENT_SIZE_LIMIT,
    read_document_file,
    read_document_text,
    read_seed_directory,
)
from careers.seeding.schema import (
    COLLECTIONS,
    SEED_DIR,
    SEED_FILES,
    WRITE_ORDER,
    ContentError,
)
from careers.seeding.writing import import_document, seed_content

__all__ = [
    "COLLECTIONS",
    "DOCUMENT_SIZE_LIMIT",
    "SEED_DIR",
    "SEED_FILES",
    "WRITE_ORDER",
    "ContentError",
    "content_queryset",
    "export_document",
    "fingerprint",
    "import_document",
    "read_document_file",
    "read_document_text",
    "read_seed_directory",
    "row_values",
    "seed_content",
    "seed_status",
]
