"""The methodology page's context: the live questionnaire and the live constants of the
scoring, the answer-style checks, the strength bands and the experience advice, so the
page can never describe a rule the code does not apply."""

from math import sqrt

from careers.assessment import answer_style
from careers.assessment.certainty import (
    ANSWER_ERROR_FLOOR,
    BAND_STEP,
    BAND_Z,
    CLEAR_DISTANCE,
)
from careers.assessment.scoring import (
    NEUTRAL,
    SCALE_LABELS,
)
from careers.assessment.selectors import methodology_factors, role_pair
from careers.experience import EXPERIENCE_CHOICES


def signed(number: int) -> str:
    return f"{number:+d}".replace("-", "\u2212") if number else "0"


def methodology_context(questions) -> dict:
    pair_programmer, architect = role_pair(questions) if questions else (None, None)
    return {
        "factors": methodology_factors(questions),
        "pair_programmer": pair_programmer,
        "architect": architect,
        "question_count": len(questions),
        "band_z": BAND_Z,
        "band_step": BAND_STEP,
        "band_min_half": round(
            BAND_Z * 25 * ANSWER_ERROR_FLOOR / sqrt(len(questions)) if questions else 0
        ),
        "example_low": 60,
        "example_high": 80,
        "clear_from": 50 + CLEAR_DISTANCE,
        "scale_rows": [(label, signed(value - NEUTRAL)) for value, label in SCALE_LABELS.items()],
        "straight_lining_percent": int(answer_style.STRAIGHT_LINING_SHARE * 100),
        "straight_lining_min": answer_style.STRAIGHT_LINING_MIN_ANSWERS,
        "acquiescence_label": SCALE_LABELS[NEUTRAL + answer_style.ACQUIESCENCE_MEAN],
        "contradiction_min": answer_style.CONTRADICTION_MIN_FACTORS,
        "too_fast_per_statement": float(answer_style.TOO_FAST_SECONDS_PER_STATEMENT),
        "too_fast_total": round(answer_style.TOO_FAST_SECONDS_PER_STATEMENT * len(questions)),
        "experience_labels": [label for _, label in EXPERIENCE_CHOICES],
    }
