"""A form page that is the same for every visitor but for its CSRF token.

Rendered once per worker, content version and host with a placeholder where the token
goes; each visitor's copy gets their own token written in. The only place in RoleFit
that edits rendered HTML.
"""

from collections.abc import Callable

from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from rolefit.caching.memo import VersionedMemo

CSRF_PLACEHOLDER = mark_safe("<!-- csrf-token -->")
SHARED_FORMS = VersionedMemo(capacity=20)


def shared_form_page(request, *, name: str, render: Callable[[SafeString], str]) -> str:
    """The page `render(csrf_placeholder)` draws, with this visitor's CSRF token in it.

    `render` must put the placeholder where `{% csrf_token %}` would go, and must not
    depend on anything of the visitor's but the token (no messages, no user).
    """
    html = SHARED_FORMS.get_or_compute((name, request.get_host()), lambda: render(CSRF_PLACEHOLDER))
    token = format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
    return html.replace(CSRF_PLACEHOLDER, token)
