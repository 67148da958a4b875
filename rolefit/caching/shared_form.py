"""A form page that is the same for every visitor but for its CSRF token (and any other
field of the visitor's own, such as a time stamp).

Rendered once per worker, content version, scheme and host with a placeholder where each such
field goes; each visitor's copy gets their own fields written in. The only place in
RoleFit that edits rendered HTML.
"""

from collections.abc import Callable, Mapping

from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from rolefit.caching.memo import VersionedMemo

CSRF_PLACEHOLDER = mark_safe("<!-- csrf-token -->")
SHARED_FORMS = VersionedMemo(capacity=20)


def shared_form_page(
    request,
    *,
    name: str,
    render: Callable[[SafeString], str],
    visitor_fields: Mapping[SafeString, str] | None = None,
) -> str:
    """The page `render(csrf_placeholder)` draws, with this visitor's CSRF token in it.

    `render` must put the placeholder where `{% csrf_token %}` would go, and each key of
    `visitor_fields` where that field goes (the value is this visitor's HTML for it). It
    must not depend on anything else of the visitor's (no messages, no user).
    """
    html = SHARED_FORMS.get_or_compute(
        (name, request.scheme, request.get_host()), lambda: render(CSRF_PLACEHOLDER)
    )
    token = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
    for placeholder, field in {CSRF_PLACEHOLDER: token, **(visitor_fields or {})}.items():
        html = html.replace(placeholder, field)
    return html
