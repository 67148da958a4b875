"""`manage.py render_error_pages`: RoleFit's error pages as static files, for nginx.

nginx answers some requests itself (a malformed or oversized request, a client too slow,
too many connections, the application unreachable); it serves these files then, so those
answers look like every other RoleFit page. Run after collectstatic: the pages link the
hashed static files.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.test import RequestFactory

# status -> template, and the words for the pages nginx alone can cause.
PAGES = {
    400: ("400.html", {}),
    405: ("400.html", {"status": 405}),
    408: ("400.html", {"status": 408}),
    413: ("400.html", {"status": 413}),
    414: ("400.html", {"status": 414}),
    429: (
        "proxy_error.html",
        {
            "title": "Too many connections",
            "heading": "Too many connections from your address",
            "message": "Your address has many requests open at once. Wait a moment, "
            "then try again.",
        },
    ),
    500: ("500.html", {}),
    **dict.fromkeys(
        (502, 503, 504),
        (
            "proxy_error.html",
            {
                "title": "Temporarily unavailable",
                "heading": "RoleFit is briefly unavailable",
                "message": "The site did not answer in time. Nothing you did caused this; "
                "please try again in a few seconds.",
            },
        ),
    ),
}


def render_error_pages(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    # A host no setting allows: the pages then link their own path, never a host.
    request = RequestFactory().get("/", HTTP_HOST="error-page.invalid")
    written = []
    for status, (template, context) in PAGES.items():
        page = render_to_string(template, {"status": status, **context}, request=request)
        path = directory / f"{status}.html"
        path.write_text(page)
        written.append(path)
    return written


class Command(BaseCommand):
    help = "Writes the error pages nginx serves (400, 405, 408, 413, 414, 429, 5xx) as HTML files."

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory",
            type=Path,
            default=Path(settings.STATIC_ROOT) / "errors",
            help="where the pages go (default: STATIC_ROOT/errors)",
        )

    def handle(self, *args, directory: Path, verbosity: int, **options):
        written = render_error_pages(directory)
        if verbosity >= 1:
            self.stdout.write(f"{len(written)} error pages written to {directory}")
