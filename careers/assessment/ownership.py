"""Who may change a result, and the retake that links a new result to its maker's earlier one.

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
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.html import format_html

from careers.assessment.models import AssessmentResult

OWNER_SALT = "careers.assessment.owner"
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
    secret = request.get_signed_cookie(owner_cookie_name(result), default=None, salt=OWNER_SALT)
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
        owner_cookie_name(result), secret, salt=OWNER_SALT, max_age=OWNER_COOKIE_SECONDS, **options
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


# --- Retake and compare -----------------------------------------------------------------
# A new result linked to its maker's earlier one, and what moved.
#
# "Take it again" on a result carries a signed reference to it through the form
# (`RETAKE_FIELD`), given only to the browser that owns the result: a visitor who follows
# someone else's share link and takes the assessment gets a result of their own, never
# compared with a stranger's. The reference is signed, so it cannot be pointed at another
# result, and expires after a day.
#
# What moved is read from the two stored report documents, factor by factor, matched by
# the factor's slug (never by position), so results of different scoring versions compare
# on the factors both scored.

RETAKE_FIELD = "retake"
RETAKE_SALT = "careers.assessment.retake"  # as links in flight were signed (once a module name)
RETAKE_MAX_AGE_SECONDS = 24 * 60 * 60
# A factor that moved less than this is "about the same": answers wobble that much.
STEADY_WITHIN = 10


def retake_token(result: AssessmentResult) -> str:
    return signing.dumps(result.pk.hex, salt=RETAKE_SALT)


def retaken_result_id(token: str | None) -> str | None:
    """The id of the result a form's retake reference names, or None when it has none, is
    forged or too old (the new result is then simply not linked)."""
    if not token or len(token) > 200:
        return None
    try:
        value = signing.loads(token, salt=RETAKE_SALT, max_age=RETAKE_MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    return value if isinstance(value, str) else None


def previous_id_for(token: str | None):
    """The earlier result a retake links to, when it still exists."""
    pk = retaken_result_id(token)
    if pk is None:
        return None
    return AssessmentResult.objects.filter(pk=pk).values_list("pk", flat=True).first()


def retake_field(token: str | None) -> str:
    """The form's hidden field carrying a valid retake reference (or nothing)."""
    if retaken_result_id(token) is None:
        return ""
    return format_html('<input type="hidden" name="{}" value="{}">', RETAKE_FIELD, token)


@dataclass(frozen=True)
class FactorMove:
    name: str
    before: int | None
    now: int | None
    sentence: str


@dataclass(frozen=True)
class Comparison:
    previous: AssessmentResult
    headline_before: str
    headline_now: str
    moves: tuple[FactorMove, ...]


def comparison_build(*, result: AssessmentResult, report: dict) -> Comparison | None:
    """What moved since the earlier result this one retook, or None."""
    previous = result.previous
    if previous is None:
        return None
    before = {f["slug"]: f for f in previous.report.get("factors", ())}
    now = {f["slug"]: f for f in report.get("factors", ())}
    moves = [factor_move(now[slug], before.get(slug)) for slug in now]
    moves += [factor_move(None, before[slug]) for slug in before if slug not in now]
    return Comparison(
        previous=previous,
        headline_before=previous.report.get("headline", ""),
        headline_now=report.get("headline", ""),
        moves=tuple(moves),
    )


def factor_move(now: dict | None, before: dict | None) -> FactorMove:
    factor = now or before
    if now is None:
        return FactorMove(factor["name"], before["leaning"], None, "Not scored any more.")
    if before is None:
        return FactorMove(factor["name"], None, now["leaning"], "Not scored last time.")
    change = now["leaning"] - before["leaning"]
    if abs(change) < STEADY_WITHIN:
        sentence = "About the same as last time."
    else:
        toward = factor["architect_name"] if change > 0 else factor["pair_programmer_name"]
        sentence = f"Moved {abs(change)} points toward the {toward}."
    return FactorMove(factor["name"], before["leaning"], now["leaning"], sentence)
