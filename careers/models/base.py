"""What every content model shares: the seed's bookkeeping and the stored search document."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


def search_vector_field():
    """The stored full-text document of a searchable row (see careers.content.search)."""
    return SearchVectorField(null=True, editable=False)


def search_index(model_name: str) -> GinIndex:
    return GinIndex(fields=["search_vector"], name=f"{model_name}_search")


class SeededContent(models.Model):
    """Content that `seed_content` may have created.

    `seed_fingerprint` is the hash of the values the seed last wrote; when the row's
    current values no longer hash to it, an editor has changed the row and re-seeding
    leaves it alone (unless `--update` is given).
    """

    seed_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True
