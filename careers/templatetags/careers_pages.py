"""Template helpers for the content pages: navigation state, charts, filters, JSON-LD."""

import functools
import json
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template import TemplateSyntaxError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from careers.article import ARTICLE_TITLE
from careers.content import charts

register = template.Library()

# The characters json_script escapes, so that data can never close its <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def include_once(template_name: str, **values) -> SafeString:
    """`{% include %}` for a fragment that only `values` decide (frozen dataclasses, ints,
    strings): rendered once per worker for each distinct set of values, then reused.

    For rows many visitors share, such as a factor's leaning or an answer's reason on the
    assessment result page. Off where templates change under a running server (PAGE_CACHE
    off: development).
    """
    key = tuple(sorted(values.items()))
    if not settings.PAGE_CACHE_ENABLED:
        return render_fragment.__wrapped__(template_name, key)
    return render_fragment(template_name, key)


@functools.lru_cache(maxsize=4096)
def render_fragment(template_name: str, values: tuple) -> SafeString:
    return render_to_string(template_name, {**VISITOR_VALUES, **dict(values)})


class NotInFragment:
    """Stands in a shared fragment for what belongs to one visitor (the request, the user,
    the CSRF token…): any use of it fails loudly instead of rendering another visitor's
    value, or an empty one, into a fragment many visitors get."""

    def __init__(self, name: str):
        self.name = name

    def refuse(self, *args, **kwargs):
        raise TemplateSyntaxError(
            f"{{% include_once %}} fragments are shared between visitors: they cannot use "
            f"{self.name!r}. Pass what the fragment needs as a value, or use {{% include %}}."
        )

    __getattr__ = __getitem__ = __str__ = __bool__ = __iter__ = __len__ = refuse


# The names the request and the context processors put in a page's context.
VISITOR_VALUES = {
    name: NotInFragment(name)
    for name in (
        "request",
        "user",
        "perms",
        "messages",
        "csrf_token",
        "csp_nonce",
        "page_url",
        "site_name",
    )
}


@register.simple_tag(takes_context=True)
def nav_link(context, path: str, label: str) -> SafeString:
    """A navigation link marked as current when the visitor is in its section.

    It reads only the request path (no database), since error pages render the header too.
    """
    request = context.get("request")
    current = getattr(request, "path", "")
    if current == path:
        return format_html(
            '<a class="nav-link active" aria-current="page" href="{}">{}</a>', path, label
        )
    if path != "/" and current.startswith(path):
        return format_html(
            '<a class="nav-link active" aria-current="true" href="{}">{}</a>', path, label
        )
    return format_html('<a class="nav-link" href="{}">{}</a>', path, label)


def _sections(items) -> list[str]:
    """Section headings from headings, rows with `article_section` or `sections`, or lists."""
    found: list[str] = []
    for item in items:
        if isinstance(item, str):
            found.append(item)
        elif hasattr(item, "article_section"):
            found.append(item.article_section)
        elif hasattr(item, "sections"):
            found += list(item.sections)
        elif item is not None:
            found += _sections(item)
    return found


@register.simple_tag
def from_article(*items) -> str:
    """The section's one quiet citation: a "§ Source" mark that opens to name, once each,
    the article sections `items` rest on.

    An item is a heading, a row with an `article_section`, or a list of either; nothing is
    written when none names a section.
    """
    sections = list(dict.fromkeys(section for section in _sections(items) if section))
    if not sections:
        return ""
    cited = format_html_join("; ", "<cite>{}</cite>", ((section,) for section in sections))
    return format_html(
        '<details class="source-mark"><summary><span aria-hidden="true">§</span> Source'
        '</summary><p class="article-note">From the article’s {}, {}.</p></details>',
        "sections" if len(sections) > 1 else "section",
        cited,
    )


@register.simple_tag
def article_title() -> str:
    """The title of the article all content comes from (the footer names it on every page)."""
    return ARTICLE_TITLE


@register.filter
def money(value) -> str:
    """$170,000 (whole dollars, thousands separated)."""
    return f"${int(value):,}"


@register.filter
def money_short(value) -> str:
    """$170k."""
    return charts.short_money(int(value))


@register.simple_tag
def salary_chart(salaries) -> charts.SalaryChart | None:
    """The shared-axis chart geometry for salary ranges fetched with their role."""
    salaries = list(salaries)
    return charts.salary_chart(salaries, [salary.role.slug for salary in salaries])


@register.simple_tag
def tool_filter_url(catalogue, **changes) -> str:
    """The catalogue's address keeping its valid filters, with `changes` applied (None drops)."""
    params = {
        "role": catalogue.role.slug if catalogue.role else None,
        "category": catalogue.category.slug if catalogue.category else None,
    }
    params.update(changes)
    query = urlencode({name: value for name, value in params.items() if value})
    return reverse("careers:tool_list") + (f"?{query}" if query else "")


@register.simple_tag
def json_ld(data) -> SafeString:
    """A schema.org JSON-LD block: data for crawlers, never executed (so the CSP allows it)."""
    encoded = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))  # noqa: S308


@register.simple_tag
def faq_page_schema(faqs) -> dict:
    """The schema.org FAQPage for a list of FAQs."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": faq.question,
                "acceptedAnswer": {"@type": "Answer", "text": faq.answer},
            }
            for faq in faqs
        ],
    }
