"""Generates DEMONSTRATION assessment results, to show the staff quality page working.

Never run by `make run`, `seed_content` or any default: it must be called by name, and
it refuses a database that is not in DEBUG mode unless --force is given. Every generated
result is marked `"demo": true` in its scores (the quality page counts them) and can be
removed with --delete.
"""

import random

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.assessment import services
from careers.assessment.models import AssessmentResult
from careers.assessment.selectors import assessment_questions, role_pair


class Command(BaseCommand):
    help = "Store N generated (demonstration, not real) assessment results; see --delete."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=60)
        parser.add_argument("--seed", type=int, default=12)
        parser.add_argument("--delete", action="store_true", help="Remove generated results.")
        parser.add_argument("--force", action="store_true", help="Allow outside DEBUG.")

    def handle(self, *args, count, seed, delete, force, **options):
        if delete:
            deleted, _ = AssessmentResult.objects.filter(scores__demo=True).delete()
            self.stdout.write(f"Deleted {deleted} demonstration results.")
            return
        if not settings.DEBUG and not force:
            raise CommandError("Demonstration results are for development: use --force.")
        questions = assessment_questions()
        if not questions:
            raise CommandError("No questions: run seed_content first.")
        for index in range(count):
            answers, experience, fits_me = simulated_person(questions, random.Random(seed + index))
            result = services.result_create(
                answers=answers, questions=questions, experience=experience, seconds_taken=240
            )
            scores = {**result.scores, "demo": True}
            AssessmentResult.objects.filter(pk=result.pk).update(scores=scores, fits_me=fits_me)
        self.stdout.write(f"Stored {count} DEMONSTRATION results (marked demo; --delete removes).")


def simulated_person(questions, rng: random.Random):
    """A respondent with one preference per factor (toward the architect when positive)
    answering every statement with that preference plus noise."""
    pair_programmer, _ = role_pair(questions)
    general = rng.gauss(0, 1)
    preference = {q.factor.slug: general + rng.gauss(0, 0.6) for q in questions}
    answers = {}
    for q in questions:
        sign = -1 if q.leans_toward_id == pair_programmer.id else 1
        value = 3 + sign * 1.1 * preference[q.factor.slug] + rng.gauss(0, 0.8)
        answers[q.slug] = min(5, max(1, round(value)))
    experience = rng.choice(["", "student", "junior", "mid", "senior", "lead"])
    fits_me = rng.choice([None, True, True, False])
    return answers, experience, fits_me
