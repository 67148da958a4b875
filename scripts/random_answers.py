"""How often random answers get a role with no flag or caveat (issue 21; at most 15%).

Scores `--count` answer sets drawn uniformly from the 5-point scale against the seeded
questionnaire (`careers/seed/questions.json`, its active statements), exactly as a result
is scored (version 3, with the answer-style checks; timing is not measured), and prints
the share of each outcome and the share named a role with no flag.

    python -m scripts.random_answers [--count 10000] [--seed 21]
"""

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from careers.assessment.scoring import (
    RolePair,
    ScoredQuestion,
    answer_style_flags,
    answers_are_informative,
    score_with_certainty,
)

SEED = Path(__file__).resolve().parents[1] / "careers" / "seed"


def seeded_questionnaire() -> tuple[list[ScoredQuestion], RolePair]:
    """The seed's active statements, and the roles of their factors."""
    questions = json.loads((SEED / "questions.json").read_text())["questions"]
    factors = json.loads((SEED / "factors.json").read_text())["factors"]
    active = [
        ScoredQuestion(slug, q["factor"], q["leans_toward"], q["weight"])
        for slug, q in sorted(questions.items(), key=lambda item: item[1]["order"])
        if q["active"]
    ]
    first = factors[active[0].factor_slug]
    return active, RolePair(first["pair_programmer_role"], first["architect_role"])


def unflagged_role_share(*, count: int, seed: int) -> tuple[float, Counter]:
    """The share of `count` random answer sets named a role with no flag, and the outcomes."""
    questions, roles = seeded_questionnaire()
    rng = random.Random(seed)
    outcomes: Counter = Counter()
    unflagged_roles = 0
    for _ in range(count):
        answers = {q.slug: rng.randint(1, 5) for q in questions}
        flags = answer_style_flags(
            questions=questions, answers=answers, roles=roles, seconds_taken=None
        )
        assessed = score_with_certainty(
            questions=questions,
            answers=answers,
            roles=roles,
            informative=answers_are_informative(flags),
        )
        outcomes[assessed.outcome] += 1
        unflagged_roles += assessed.outcome in roles and not any(flags.values())
    return unflagged_roles / count, outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=21)
    options = parser.parse_args()
    share, outcomes = unflagged_role_share(count=options.count, seed=options.seed)
    for outcome, number in outcomes.most_common():
        print(f"{outcome:24} {number / options.count:6.1%}")
    print(f"a role with no flag or caveat: {share:.1%} of {options.count:,} random answer sets")


if __name__ == "__main__":
    main()
