"""Page copy as templates read it: every key's text, from the database, falling back to the
seed's text (with a warning in the log) for a key that has no row; and the tag that shows
it, `{% copy "home.hero.title" %}`.

The tag is a template builtin (settings.TEMPLATES names this module), so templates use it
without `{% load %}`. Values fill the text's `{name}` places:
`{% copy "assessment.intro.lead" count=n %}`.
"""

import functools
import json
import logging
import re
from pathlib import Path

from django import template
from django.db import DatabaseError
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from careers.content.models import PageCopy
from rolefit.caching import VersionedMemo

logger = logging.getLogger(__name__)

# The seed's own file (careers/seeding reads the same one); named here so that content
# does not import the seeding package, which sits above it.
SEED_FILE = Path(__file__).resolve().parent.parent / "seed" / "page_copy.json"
BOLD = re.compile(r"\*\*(.+?)\*\*")
_memo = VersionedMemo(capacity=1)


@functools.cache
def seed_copy() -> dict[str, str]:
    """The seed's text for every key (careers/seed/page_copy.json), read once per process."""
    records = json.loads(SEED_FILE.read_text(encoding="utf-8"))["page_copy"]
    return {key: record["text"] for key, record in records.items()}


def saved_page_copy() -> dict[str, str]:
    return dict(PageCopy.objects.values_list("key", "text"))


def page_copy_texts() -> dict[str, str]:
    """Every key's text as editors last saved it, kept per worker until content changes."""
    try:
        return _memo.get_or_compute("all", saved_page_copy)
    except DatabaseError:
        raise
    except Exception:  # the shared cache (Redis) is down: pages still render, unmemoised
        logger.warning("content version unavailable: page copy read unmemoised", exc_info=True)
        return saved_page_copy()


def copy_text(key: str, texts: dict[str, str]) -> str:
    """The text for `key`: the saved one, else the seed's (logged: a row is missing)."""
    if key in texts:
        return texts[key]
    fallback = seed_copy().get(key)
    if fallback is None:
        logger.error("Page copy %r is neither in the database nor in the seed", key)
        return ""
    logger.warning("Page copy %r is missing from the database: showing the seed's text", key)
    return fallback


def render_copy(text: str, values: dict[str, object]) -> SafeString:
    """`text` escaped, `**words**` in bold, `{name}` replaced by `values[name]` (an empty
    value takes the space after it along)."""
    html = BOLD.sub(r"<strong>\1</strong>", escape(text))
    for name, value in values.items():
        shown = "" if value in (None, "") else escape(str(value))
        if not shown:
            html = html.replace(f"{{{name}}} ", "")
        html = html.replace(f"{{{name}}}", shown)
    return mark_safe(html)  # noqa: S308 - escaped above; only <strong> is added


# --- The `{% copy %}` tag ------------------------------------------------------------------

register = template.Library()

# One read of the copy per render, even with the per-worker memo off (development).
RENDER_KEY = "careers.page_copy"


@register.simple_tag(takes_context=True)
def copy(context, key: str, **values):
    if RENDER_KEY not in context.render_context:
        context.render_context[RENDER_KEY] = page_copy_texts()
    return render_copy(copy_text(key, context.render_context[RENDER_KEY]), values)
