"""Retake and compare: a new result linked to its maker's earlier one, and what moved.

"Take it again" on a result carries a signed reference to it through the form
(`RETAKE_FIELD`), given only to the browser that owns the result: a visitor who follows
someone else's share link and takes the assessment gets a result of their own, never
compared with a stranger's. The reference is signed, so it cannot be pointed at another
result, and expires after a day.

What moved is read from the two stored report documents, factor by factor, matched by
the factor's slug (never by position), so results of different scoring versions compare
on the factors both scored.
"""

from dataclasses import dataclass

from django.core import signing
from django.utils.html import format_html

from careers.assessment.models import AssessmentResult

RETAKE_FIELD = "retake"
SALT = "careers.assessment.retake"
MAX_AGE_SECONDS = 24 * 60 * 60
# A factor that moved less than this is "about the same": answers wobble that much.
STEADY_WITHIN = 10


def retake_token(result: AssessmentResult) -> str:
    return signing.dumps(result.pk.hex, salt=SALT)


def retaken_result_id(token: str | None) -> str | None:
    """The id of the result a form's retake reference names, or None when it has none, is
    forged or too old (the new result is then simply not linked)."""
    if not token or len(token) > 200:
        return None
    try:
        value = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
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
