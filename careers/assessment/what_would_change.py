"""What would change a result: for every other outcome, the fewest answer changes that
reach it, found exactly by dynamic programming over the reachable net scores.

Plain Python, like scoring.py, which calls it with the outcome rule of its version.
"""

from collections.abc import Callable
from dataclasses import dataclass

# The 1-5 answer scale, as scoring.SCALE (scoring imports this module, not the reverse).
SCALE = (1, 2, 3, 4, 5)
# A way's cost is changes * STEP_SCALE + scale steps: fewer changes always win.
STEP_SCALE = 10_000


@dataclass(frozen=True)
class AnswerChange:
    """Answering `question_slug` with `to_answer` instead of `from_answer`."""

    question_slug: str
    from_answer: int
    to_answer: int


@dataclass(frozen=True)
class Alternative:
    """The fewest answer changes that would turn the result into `outcome`."""

    outcome: str
    changes: tuple[AnswerChange, ...]


def cheapest_alternatives(
    questions, answers, signs, net, outcome_at: Callable[[int], str], outcomes
) -> tuple[Alternative, ...]:
    """For every outcome but the current one, the fewest answer changes that reach it.

    `signs` gives each question's direction (+1 toward the role a positive net favours),
    `outcome_at(net)` the outcome a net score gives; it only moves one way as net grows.
    """
    total_weight = sum(q.weight for q in questions)
    current = outcome_at(net)
    targets = [target for target in outcomes if target != current]
    ranges = _net_ranges(outcome_at, total_weight)
    bound = _change_bound(
        questions, answers, signs, net, [ranges[t] for t in targets if t in ranges]
    )
    alternatives = _alternatives_within(questions, answers, signs, net, targets, ranges, bound)
    if len(alternatives) < len([t for t in targets if t in ranges]):
        # The bound was too tight for an odd case: search without it (always exact).
        alternatives = _alternatives_within(questions, answers, signs, net, targets, ranges, None)
    alternatives.sort(key=lambda alt: len(alt.changes))
    return tuple(alternatives)


def _net_ranges(outcome_at, total_weight) -> dict[str, tuple[int, int]]:
    """The net scores giving each outcome: it only moves one way as the net grows."""
    low, high = -2 * total_weight, 2 * total_weight
    ranges: dict[str, tuple[int, int]] = {}
    start = low
    while start <= high:
        outcome = outcome_at(start)
        first, last = start, high
        while first < last:  # binary search for the last net with this outcome
            middle = (first + last + 1) // 2
            if outcome_at(middle) == outcome:
                first = middle
            else:
                last = middle - 1
        ranges[outcome] = (start, first)
        start = first + 1
    return ranges


def _change_bound(questions, answers, signs, net, target_ranges) -> int:
    """An upper bound on the changes worth searching: greedy reach of the farthest target.

    Moving the answers with the biggest possible effect first is the fastest way past a
    threshold; one more change allows for landing inside a narrow band.
    """
    bound = 0
    for low, high in target_ranges:
        direction = 1 if low > net else -1
        edge = low if direction > 0 else high
        reach = sorted(
            (
                q.weight * (5 - answers[q.slug] if direction * sign > 0 else answers[q.slug] - 1)
                for q, sign in zip(questions, signs, strict=True)
            ),
            reverse=True,
        )
        moved, count = 0, 0
        while count < len(reach) and direction * (net + direction * moved) < direction * edge:
            moved += reach[count]
            count += 1
        bound = max(bound, count + 1)
    return bound


def _alternatives_within(questions, answers, signs, net, targets, ranges, bound):
    final, changed = _cheapest_way_to_every_shift(questions, answers, signs, max_changes=bound)
    alternatives = []
    for target in targets:
        if target not in ranges:
            continue
        low, high = ranges[target]
        reachable = [
            (cost, abs(shift), shift) for shift, cost in final.items() if low <= net + shift <= high
        ]
        if reachable:
            _, _, chosen = min(reachable)
            changes = _changes_for(chosen, changed, questions, answers)
            alternatives.append(Alternative(target, changes))
    return alternatives


def _cheapest_way_to_every_shift(questions, answers, signs, max_changes=None):
    """The cheapest answer changes that move the net score by every reachable amount.

    A dynamic programme over the questions in turn. A cost is one integer,
    changes * STEP_SCALE + scale steps, so that comparing costs compares changes first
    (steps never reach STEP_SCALE: at most 4 per question). Returns the final
    {shift: cost} and, per question, {shift: (shift before, answer chosen)} for the
    shifts whose cheapest way changes that question's answer; a shift missing there kept
    the answer. Exact, and deterministic: on a tie the earlier way is kept, and keeping an
    answer comes before changing it. Ways with more than `max_changes` changes are
    dropped: an optimal way never needs them when the optimum is within the bound, since
    its change count only grows along the way.
    """
    limit = (len(questions) if max_changes is None else max_changes) * STEP_SCALE + STEP_SCALE
    costs: dict[int, int] = {0: 0}
    changed: list[dict[int, tuple[int, int]]] = []
    for q, sign in zip(questions, signs, strict=True):
        given = answers[q.slug]
        moves = [
            (value, q.weight * (value - given) * sign, STEP_SCALE + abs(value - given))
            for value in SCALE
            if value != given
        ]
        step = dict(costs)  # every way may keep this answer, at no cost
        changes_here: dict[int, tuple[int, int]] = {}
        for shift, cost in costs.items():
            if cost + STEP_SCALE >= limit:
                continue  # no change left within the bound
            for value, move, extra in moves:
                candidate_cost = cost + extra
                candidate = shift + move
                if candidate_cost < step.get(candidate, limit):
                    step[candidate] = candidate_cost
                    changes_here[candidate] = (shift, value)
        costs = step
        changed.append(changes_here)
    return costs, changed


def _changes_for(final_shift, changed, questions, answers) -> tuple[AnswerChange, ...]:
    changes = []
    shift = final_shift
    for question, changes_here in zip(reversed(questions), reversed(changed), strict=True):
        if shift in changes_here:
            shift, value = changes_here[shift]
            changes.append(AnswerChange(question.slug, answers[question.slug], value))
    return tuple(reversed(changes))
