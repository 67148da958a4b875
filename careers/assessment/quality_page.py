"""The staff page on the assessment's quality as an instrument (see `quality`)."""

from django.contrib import admin
from django.shortcuts import render

from careers.assessment.models import AssessmentResult
from careers.assessment.quality import MIN_RESULTS, Item, StoredAnswers, quality_report
from careers.assessment.report_document import CHECK_MESSAGES
from careers.assessment.scoring import (
    CERTAIN_STRENGTHS,
    CHECKS,
    HYBRID,
    NO_PREFERENCE,
    SCORING_VERSION,
)
from careers.assessment.selectors import (
    assessment_questions,
    questionnaire_snapshot_get,
    role_pair,
)

# The newest results only: enough for stable statistics, bounded work for the page.
MAX_RESULTS = 5000


def stored_answers() -> tuple[list[StoredAnswers], int]:
    rows = AssessmentResult.objects.filter(scoring_version=SCORING_VERSION).values_list(
        "answers", "outcome", "scores", "fits_me", "questionnaire_id"
    )[:MAX_RESULTS]
    results, demo = [], 0
    for answers, outcome, scores, fits_me, questionnaire_id in rows:
        demo += bool(scores.get("demo"))
        results.append(
            StoredAnswers(
                answers=answers,
                outcome=outcome,
                strength=scores.get("strength"),
                flags=scores.get("answer_style", {}),
                fits_me=fits_me,
                reversed_items=reversed_items(questionnaire_id),
                demo=bool(scores.get("demo")),
            )
        )
    return results, demo


def reversed_items(questionnaire_id: int) -> frozenset[str]:
    """The statements that leaned toward the pair programmer in a stored questionnaire."""
    snapshot = questionnaire_snapshot_get(questionnaire_id=questionnaire_id)
    pair_programmer = snapshot["roles"][0]["slug"]
    return frozenset(
        q["slug"] for q in snapshot["questions"] if q["leans_toward"] == pair_programmer
    )


def quality(request):
    questions = assessment_questions()
    roles = role_pair(questions) if questions else None
    items = [Item(q.slug, q.factor.slug) for q in questions]
    results, demo = stored_answers()
    outcomes = [NO_PREFERENCE, HYBRID, *(role.slug for role in roles or ())]
    report = quality_report(
        items=items,
        results=results,
        checks=CHECKS,
        outcomes=outcomes,
        strengths=CERTAIN_STRENGTHS,
    )
    factor_names = {q.factor.slug: q.factor.name for q in questions}
    statements = {q.slug: q for q in questions}
    factors = [
        {
            "name": factor_names.get(f.factor_slug, f.factor_slug),
            "respondents": f.respondents,
            "alpha": f.alpha,
            "clean_alpha": f.clean_alpha,
            "clean_respondents": f.clean_respondents,
            "items": [(statements[slug], r) for slug, r in f.item_rest.items()],
        }
        for f in report.factors
    ]
    context = {
        **admin.site.each_context(request),
        "title": "Assessment quality",
        "report": report,
        "factors": factors,
        "demo": demo,
        "min_results": MIN_RESULTS,
        "outcome_rows": [(outcome_name(row.label, roles), row) for row in report.outcomes],
        "flag_shares": [
            (CHECK_MESSAGES.get(name, (name,))[0], percent)
            for name, percent in report.flag_shares.items()
        ],
    }
    return render(request, "admin/careers/assessment_quality.html", context)


def outcome_name(outcome: str, roles) -> str:
    if outcome == HYBRID:
        return "Close call"
    if outcome == NO_PREFERENCE:
        return "No clear preference yet"
    return next((role.name for role in roles or () if role.slug == outcome), outcome)


class QualityPageMixin:
    """For the results' ModelAdmin: the quality page at .../assessmentresult/quality/."""

    def get_urls(self):
        from django.urls import path

        page = path("quality/", self.admin_site.admin_view(quality), name="assessment_quality")
        return [page, *super().get_urls()]
