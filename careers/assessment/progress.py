"""Progress on a result's plan, kept with the result: each step done, skipped or open.

No account: the state is stored in the result's row (`AssessmentResult.progress`, step
key -> state), shown on its page, given in its JSON and deleted with it. Only its owner
may mark it (careers.assessment.ownership).
"""

from dataclasses import dataclass

from careers.assessment.plan import plan_step_keys

DONE, SKIPPED, OPEN = "done", "skipped", "open"
STATES = (DONE, SKIPPED, OPEN)
STATE_LABELS = {DONE: "Done", SKIPPED: "Skipped", OPEN: "Not started"}


class ProgressError(ValueError):
    """A mark that cannot be stored: an unknown step or state (a 400)."""


def progress_mark_read(*, plan: dict, post) -> tuple[str, str | None]:
    """The (step, state) a progress form sent; state None means open again."""
    steps, states = post.getlist("step"), post.getlist("state")
    if len(steps) != 1 or len(states) != 1:
        raise ProgressError("Send one step and one state.")
    step, state = steps[0], states[0]
    if state not in STATES:
        raise ProgressError(f"A step can be {', '.join(STATES)}.")
    if step not in plan_step_keys(plan):
        raise ProgressError("This result's plan has no such step.")
    return step, None if state == OPEN else state


@dataclass(frozen=True)
class PlanStep:
    """A step's words, hashable: its page fragment is rendered once per worker
    (`include_once`), whoever's result shows it."""

    key: str
    kind: str
    role_name: str
    title: str
    text: str
    article_section: str
    url: str = ""
    factor_name: str = ""
    reason: str = ""


@dataclass(frozen=True)
class StepView:
    """A plan step (or experiment) as the page shows it, with its stored state."""

    step: PlanStep
    state: str

    @property
    def key(self) -> str:
        return self.step.key

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]


def plan_with_progress(plan: dict, progress: dict) -> dict:
    """A read plan's (`plan.plan_read`) experiments and phases with each step's state."""
    experiments = plan["experiments"]
    steps = experiments + [step for phase in plan["phases"] for step in phase["steps"]]
    return {
        "roles": plan["roles"],
        "both_roles": len(plan["roles"]) > 1,
        "experiments": [step_view(s, progress) for s in plan["experiments"]],
        "phases": [
            {**phase, "steps": [step_view(s, progress) for s in phase["steps"]]}
            for phase in plan["phases"]
        ],
        "done": sum(progress.get(step["key"]) == DONE for step in steps),
        "total": len(steps),
    }


def step_view(step: dict, progress: dict) -> StepView:
    return StepView(PlanStep(**step), progress.get(step["key"], OPEN))


def progress_as_json(plan: dict, progress: dict) -> dict:
    """A read plan's steps with their states, for the result's JSON."""
    return {
        "experiments": [
            {"key": s["key"], "title": s["title"], "state": progress.get(s["key"], OPEN)}
            for s in plan["experiments"]
        ],
        "phases": [
            {
                "days": phase["days"],
                "steps": [
                    {"key": s["key"], "title": s["title"], "state": progress.get(s["key"], OPEN)}
                    for s in phase["steps"]
                ],
            }
            for phase in plan["phases"]
        ],
    }
