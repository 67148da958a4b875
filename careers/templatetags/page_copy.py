"""`{% copy "home.hero.title" %}`: a piece of page copy (careers.content.page_copy).

A template builtin (settings.TEMPLATES), so templates use it without `{% load %}`. Values
fill the text's `{name}` places: `{% copy "assessment.intro.lead" count=n %}`.
"""

from django import template

from careers.content.page_copy import copy_text, page_copy_texts, render_copy

register = template.Library()

# One read of the copy per render, even with the per-worker memo off (development).
RENDER_KEY = "careers.page_copy"


@register.simple_tag(takes_context=True)
def copy(context, key: str, **values):
    if RENDER_KEY not in context.render_context:
        context.render_context[RENDER_KEY] = page_copy_texts()
    return render_copy(copy_text(key, context.render_context[RENDER_KEY]), values)
