"""Writes: storing, annotating and deleting assessment results."""

from collections.abc import Mapping, Sequence

from django.db.models.expressions import RawSQL

from careers.assessment.models import AssessmentResult, Question, Questionnaire
from careers.assessment.plan import with_plan
from careers.assessment.report_document import report_document_build
from careers.assessment.scoring import (
    HYBRID_MARGIN,
    SCORING_VERSION,
    RolePair,
    ScoredQuestion,
    answer_style_flags,
    answers_are_informative,
    score_with_certainty,
)
from careers.content.models import Role
from careers.fingerprint import fingerprint

SNAPSHOT_VERSION = 2  # 2 adds each statement's article section


def result_create(
    *,
    answers: Mapping[str, int],
    questions: Sequence[Question],
    experience: str = "",
    seconds_taken: float | None = None,
    manage_key_hash: str = "",
    previous_id=None,
) -> AssessmentResult:
    """Scores `answers` against `questions` and stores the result with its report.

    `questions` are the live Question rows the form was built from (with factor, its
    roles and `leans_toward` loaded); `experience` is the optional answer about the
    person's career stage (never part of the fit); `seconds_taken` is the time between
    showing the form and sending it, None when it could not be measured. The answers and
    the scores are written in one row, in one statement, pointing at the stored snapshot
    of the questions, weights, factors and roles (see `questionnaire_id_for`). Raises
    `careers.assessment.scoring.ScoringError` when the answers do not fit the questions.
    `manage_key_hash` is the hash of the secret that lets its maker manage it (ownership),
    `previous_id` the earlier result of the same person it retakes (retake).
    """
    factor = questions[0].factor
    pair_programmer, architect = factor.pair_programmer_role, factor.architect_role
    roles = RolePair(pair_programmer=pair_programmer.slug, architect=architect.slug)
    scored = [scored_question(q) for q in questions]
    flags = answer_style_flags(
        questions=scored, answers=answers, roles=roles, seconds_taken=seconds_taken
    )
    assessed = score_with_certainty(
        questions=scored,
        answers=dict(answers),
        roles=roles,
        informative=answers_are_informative(flags),
    )
    scores = assessed.as_dict()
    scores["answer_style"] = flags
    scores["seconds_taken"] = None if seconds_taken is None else round(seconds_taken)
    snapshot = questionnaire_snapshot_build(questions=questions, roles=(pair_programmer, architect))
    # One INSERT of one row: atomic on its own (autocommit), so no explicit transaction
    # and its two extra round trips (BEGIN, COMMIT).
    return AssessmentResult.objects.create(
        answers=dict(answers),
        questionnaire_id=questionnaire_id_for(snapshot),
        scores=scores,
        report=with_plan(
            report_document_build(scores=scores, snapshot=snapshot, experience=experience),
            experience=experience,
        ),
        outcome=assessed.outcome,
        careless=any(flags.values()),
        scoring_version=SCORING_VERSION,
        experience=experience,
        manage_key_hash=manage_key_hash,
        previous_id=previous_id,
    )


def scored_question(question: Question) -> ScoredQuestion:
    """A Question row as the scoring function sees it."""
    return ScoredQuestion(
        slug=question.slug,
        factor_slug=question.factor.slug,
        leans_toward=question.leans_toward.slug,
        weight=question.weight,
    )


def questionnaire_snapshot_build(
    *, questions: Sequence[Question], roles: tuple[Role, Role]
) -> dict:
    """Everything a stored result needs to read the same after the content changes."""
    factors = {}
    for question in questions:
        factor = question.factor
        factors.setdefault(
            factor.slug,
            {
                "slug": factor.slug,
                "name": factor.name,
                "poles": {
                    factor.pair_programmer_role.slug: factor.pair_programmer_pole,
                    factor.architect_role.slug: factor.architect_pole,
                },
            },
        )
    return {
        "version": SNAPSHOT_VERSION,
        "hybrid_margin": HYBRID_MARGIN,
        "roles": [{"slug": role.slug, "name": role.name} for role in roles],
        "factors": list(factors.values()),
        "questions": [
            {
                "slug": q.slug,
                "statement": q.statement,
                "factor": q.factor.slug,
                "leans_toward": q.leans_toward.slug,
                "weight": q.weight,
                "article_section": q.article_section,
            }
            for q in questions
        ],
    }


def questionnaire_id_for(snapshot: dict) -> int:
    """The id of the stored Questionnaire with this snapshot, storing it the first time.

    Every result scored against the same questions shares the row. The lookup is one
    indexed query (a per-worker memo of it saved under 5% of a POST: docs/performance.md).
    """
    # The same canonical-JSON hash that marks seeded rows: equal snapshots, equal keys.
    key = fingerprint(snapshot)

    questionnaire, _ = Questionnaire.objects.get_or_create(
        fingerprint=key, defaults={"snapshot": snapshot}
    )
    return questionnaire.pk


def result_record_feedback(*, result: AssessmentResult, fits_me: bool) -> AssessmentResult:
    """Stores the visitor's answer to 'does this fit you?' (a later answer replaces it)."""
    AssessmentResult.objects.filter(pk=result.pk).update(fits_me=fits_me)
    result.fits_me = fits_me
    return result


def result_record_progress(*, result: AssessmentResult, step: str, state: str | None) -> None:
    """Marks one plan step done or skipped (`state` None: open again), in one UPDATE that
    leaves the other steps' states alone."""
    if state is None:
        result.progress.pop(step, None)
        AssessmentResult.objects.filter(pk=result.pk).update(
            progress=RawSQL("progress - %s", (step,))
        )
    else:
        result.progress[step] = state
        AssessmentResult.objects.filter(pk=result.pk).update(
            progress=RawSQL("progress || jsonb_build_object(%s::text, %s::text)", (step, state))
        )


def result_delete(*, result: AssessmentResult) -> None:
    """Deletes a result for good: its link answers 404 from now on."""
    AssessmentResult.objects.filter(pk=result.pk).delete()
