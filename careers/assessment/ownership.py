"""Who may change a result: only the person who took the assessment.

A result carries a second secret besides its id (the id is the share link, which only
reads). The database keeps the secret's SHA-256, never the secret. The browser that made
the result keeps the secret in a signed cookie scoped to the result's own address; the
result page shows it once, as a "manage this result" link that hands the same cookie to
another device. Deleting, "does this fit you?" and marking plan steps need it.

Results stored before results had owners have no secret: whoever holds their link can
still delete them, as before, since no browser holds a key for them
(docs/assessment-method.md#who-can-change-a-result).
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.urls import reverse

from careers.assessment.models import AssessmentResult

SALT = "careers.assessment.owner"
OWNER_COOKIE_PREFIX = "rolefit_owner_"
# Set with the owner cookie when the result is made, removed when its page first shows
# the manage link: the link is shown once.
NEW_RESULT_COOKIE = "rolefit_new_result"
OWNER_COOKIE_SECONDS = 2 * 365 * 24 * 60 * 60


def manage_secret_new() -> str:
    return secrets.token_urlsafe(24)


def manage_key_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def secret_opens(result: AssessmentResult, secret: str | None) -> bool:
    """Whether `secret` is this result's manage secret."""
    if not secret or not result.manage_key_hash or len(secret) > 100:
        return False
    return hmac.compare_digest(manage_key_hash(secret), result.manage_key_hash)


def owner_cookie_name(result: AssessmentResult) -> str:
    return f"{OWNER_COOKIE_PREFIX}{result.pk.hex}"


def result_path(result: AssessmentResult) -> str:
    """The cookie's path: the result's page and everything under it, nothing else."""
    return result.get_absolute_url()


def owner_secret(request, result: AssessmentResult) -> str | None:
    """The manage secret this browser keeps for `result`, when it is the right one."""
    secret = request.get_signed_cookie(owner_cookie_name(result), default=None, salt=SALT)
    return secret if secret_opens(result, secret) else None


def may_manage(request, result: AssessmentResult) -> bool:
    """Whether this request may delete the result, answer "does this fit you?" or mark
    its plan: the browser that made it (or was handed its manage link), or anyone for a
    result stored before results had owners."""
    return not result.manage_key_hash or owner_secret(request, result) is not None


def owner_cookie_set(response, result: AssessmentResult, secret: str, *, new: bool = False):
    """Makes the browser that gets `response` the result's owner."""
    options = {
        "path": result_path(result),
        "secure": settings.SESSION_COOKIE_SECURE,
        "httponly": True,
        "samesite": "Lax",
    }
    response.set_signed_cookie(
        owner_cookie_name(result), secret, salt=SALT, max_age=OWNER_COOKIE_SECONDS, **options
    )
    if new:
        response.set_cookie(NEW_RESULT_COOKIE, "1", max_age=600, **options)
    return response


def manage_link_to_show(request, result: AssessmentResult) -> str | None:
    """The manage link's path, the first time the browser that made the result sees it."""
    if request.COOKIES.get(NEW_RESULT_COOKIE) != "1":
        return None
    secret = owner_secret(request, result)
    if secret is None:
        return None
    return reverse("careers:result_manage", kwargs={"pk": result.pk, "secret": secret})


def manage_link_shown(response, result: AssessmentResult):
    response.delete_cookie(NEW_RESULT_COOKIE, path=result_path(result), samesite="Lax")
    return response
