"""The signed time stamp that lets the server tell how long the form took.

The form carries the moment it was drawn, signed with the site's secret key
(`django.core.signing`), so the time is measured server-side and works without
JavaScript. A missing, forged or unreadable stamp means "not measured", never an error:
the answers are what matter, and a cached copy of the form must never be refused.
"""

import time

from django.core import signing
from django.utils.html import format_html
from django.utils.safestring import mark_safe

STARTED_FIELD = "started"
SALT = "careers.assessment.started"
# Drawn into the shared copy of the form in place of the stamp (see views.assessment).
STARTED_PLACEHOLDER = mark_safe("<!--assessment-started-->")
# A stamp older than this is ignored (an open tab from yesterday says nothing about reading).
MAX_AGE_SECONDS = 6 * 60 * 60


def started_stamp(at: float | None = None) -> str:
    return signing.dumps(round(time.time() if at is None else at, 1), salt=SALT)


def started_field(stamp: str | None = None) -> str:
    return format_html(
        '<input type="hidden" name="{}" value="{}">', STARTED_FIELD, stamp or started_stamp()
    )


def seconds_since(stamp: str | None, now: float | None = None) -> float | None:
    """Seconds since the stamp was made, or None when it is missing, forged or too old."""
    if not stamp or len(stamp) > 200:
        return None
    try:
        started = signing.loads(stamp, salt=SALT)
    except signing.BadSignature:
        return None
    if type(started) not in (int, float):
        return None
    elapsed = (time.time() if now is None else now) - started
    if not 0 <= elapsed <= MAX_AGE_SECONDS:
        return None
    return elapsed
