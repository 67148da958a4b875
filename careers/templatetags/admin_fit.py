"""Admin template helpers for lists that fit a phone (templates/admin/change_list_results.html)."""

import re

from django import template
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

CELL_START = re.compile(r"^<(td|th)\b")


@register.simple_tag
def labelled_cells(cells, headers) -> SafeString:
    """The row's cells, each given its column's name as `data-label`."""
    labelled = []
    for cell, header in zip(cells, headers, strict=False):
        label = escape(strip_tags(str(header.get("text", ""))).strip().capitalize())
        labelled.append(CELL_START.sub(rf'<\1 data-label="{label}"', str(cell), count=1))
    return mark_safe("".join(labelled))  # noqa: S308 - Django's own cells, a label escaped
