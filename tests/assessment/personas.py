"""Realistic answer sets to the seeded statements, written by reading each statement as
the person would (varied, not mechanical), for the persona tests."""

# A junior who loves hands-on work: quick cycles, debugging, pairing at the screen.
HANDS_ON_JUNIOR = {
    "pace-close-small-tasks": 5,
    "pace-plan-for-the-year": 2,
    "pace-choose-lasting-platforms": 2,
    "pace-quick-test-cycles": 4,
    "pace-resilience-months-later": 3,
    "pace-midday-merge": 5,
    "breadth-sketch-service-links": 2,
    "depth-trace-logic-error": 5,
    "depth-refactor-tangled-function": 4,
    "breadth-list-failure-points": 3,
    "depth-test-every-edge-case": 4,
    "breadth-teach-shared-patterns": 2,
    "collab-pair-at-the-screen": 4,
    "collab-lead-design-review": 2,
    "collab-agree-on-constraints": 1,
    "collab-puzzle-sprints": 5,
    "collab-present-direction": 2,
    "collab-explain-rejected-change": 4,
    "risk-plan-for-new-regulation": 1,
    "risk-fix-surprise-bugs": 4,
    "risk-catch-odd-suggestion": 5,
    "risk-outside-service-changes": 3,
    "risk-dig-into-quirk": 4,
    "risk-watch-for-drift": 2,
}

# A lead who enjoys design, planning ahead and mentoring teams.
DESIGN_AND_MENTORING_LEAD = {
    "pace-close-small-tasks": 2,
    "pace-plan-for-the-year": 5,
    "pace-choose-lasting-platforms": 4,
    "pace-quick-test-cycles": 2,
    "pace-resilience-months-later": 5,
    "pace-midday-merge": 3,
    "breadth-sketch-service-links": 5,
    "depth-trace-logic-error": 3,
    "depth-refactor-tangled-function": 2,
    "breadth-list-failure-points": 4,
    "depth-test-every-edge-case": 2,
    "breadth-teach-shared-patterns": 5,
    "collab-pair-at-the-screen": 2,
    "collab-lead-design-review": 5,
    "collab-agree-on-constraints": 4,
    "collab-puzzle-sprints": 2,
    "collab-present-direction": 4,
    "collab-explain-rejected-change": 3,
    "risk-plan-for-new-regulation": 4,
    "risk-fix-surprise-bugs": 2,
    "risk-catch-odd-suggestion": 3,
    "risk-outside-service-changes": 5,
    "risk-dig-into-quirk": 2,
    "risk-watch-for-drift": 4,
}

# Torn: wants quick visible progress and hands-on collaboration (the pair programmer's
# pace and collaboration), but enjoys breadth and long-range risk (the architect's).
TORN = {
    "pace-close-small-tasks": 4,
    "pace-plan-for-the-year": 2,
    "pace-choose-lasting-platforms": 2,
    "pace-quick-test-cycles": 4,
    "pace-resilience-months-later": 2,
    "pace-midday-merge": 4,
    "breadth-sketch-service-links": 4,
    "depth-trace-logic-error": 2,
    "depth-refactor-tangled-function": 2,
    "breadth-list-failure-points": 4,
    "depth-test-every-edge-case": 2,
    "breadth-teach-shared-patterns": 4,
    "collab-pair-at-the-screen": 4,
    "collab-lead-design-review": 2,
    "collab-agree-on-constraints": 2,
    "collab-puzzle-sprints": 4,
    "collab-present-direction": 2,
    "collab-explain-rejected-change": 4,
    "risk-plan-for-new-regulation": 4,
    "risk-fix-surprise-bugs": 2,
    "risk-catch-odd-suggestion": 2,
    "risk-outside-service-changes": 4,
    "risk-dig-into-quirk": 2,
    "risk-watch-for-drift": 4,
}

# The factors TORN leans on, and the role each leans to.
TORN_LEANS = {
    "Pace and visibility": "AI pair programmer",
    "Depth vs breadth": "AI architect",
    "Collaboration style": "AI pair programmer",
    "Risk appetite": "AI architect",
}


def with_noise(answers: dict[str, int], rng, changes: int = 4) -> dict[str, int]:
    """`answers` with `changes` of them moved one step up or down (staying on the scale)."""
    noisy = dict(answers)
    for slug in rng.sample(sorted(noisy), changes):
        noisy[slug] = min(5, max(1, noisy[slug] + rng.choice((-1, 1))))
    return noisy
