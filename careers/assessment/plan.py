"""A plan to act on: cheap experiments, then 30/60/90 days of skills and tools.

Chosen when a result is made and written into its report document (`with_plan`) as step
keys, so the plan keeps its steps and the keys their progress is stored under; each
step's words come from the live content when it is shown (`plan_read`), so an editor's
change shows at once, and a step whose content was deleted is left out. The choice reads
only what every report document with factors holds,
whatever its scoring version: each factor's leaning (-100 toward the first role of
`compared_roles`, +100 toward the second) and which role, if any, the fits recommend.

- Experiments: for the factors whose answers support the recommendation least (closest
  to the middle, or against it), one experiment each from the editable `Experiment`
  content, trying the recommended role's side (for a close call, the side the answers
  lean away from), written for the person's experience stage.
- 30/60/90 days: for the recommended role (both roles when none is recommended), the
  skills the article's comparison gives it, in the article's order, and its tools in
  the catalogue's order (the role's core tools first), spread over three phases.

Progress on the plan (`progress_mark_read`, `plan_with_progress`) is kept with the result:
each step done, skipped or open (see "Progress" below).
"""

from dataclasses import dataclass

from careers.assessment.models import Experiment
from careers.content.models import Role, RoleSkill, Tool
from rolefit.caching import VersionedMemo

EXPERIMENTS_SHOWN = 2
# Below this (of 100), a factor's leaning is called slight.
SLIGHT_LEANING = 34
STAGE_OF_EXPERIENCE = {
    "student": "early",
    "junior": "early",
    "mid": "experienced",
    "senior": "experienced",
    "lead": "experienced",
}
PHASES = ("Days 1–30", "Days 31–60", "Days 61–90")
PHASE_TITLES = ("Start with the core", "Build the skills", "Stretch further")
# Each role's steps in order, as (kind, index): spread over the phases by `PHASE_SIZES`.
ONE_ROLE_STEPS = (
    ("tool", 0), ("tool", 1), ("skill", 0),
    ("skill", 1), ("skill", 2), ("tool", 2),
    ("skill", 3), ("skill", 4), ("tool", 3),
)  # fmt: skip
TWO_ROLE_STEPS = (("tool", 0), ("skill", 0), ("skill", 1), ("tool", 1), ("skill", 2), ("skill", 3))

PLAN_CONTENT = VersionedMemo(capacity=1)


def with_plan(report: dict, *, experience: str) -> dict:
    """`report` with its plan added (a report without factors gets none)."""
    if report.get("factors"):
        report["plan"] = plan_document_build(report=report, experience=experience)
    return report


def plan_document_build(*, report: dict, experience: str) -> dict:
    """The plan as stored: roles, experiments (with why each was chosen), phases of keys."""
    content = live_plan_content()
    roles = plan_roles(report)
    recommended = recommended_role(report)
    experiments = [
        experiment_choice(factor, side, reason, content, experience)
        for factor, side, reason in unsure_factors(report, recommended)
    ]
    return {
        "roles": roles,
        "experiments": [choice for choice in experiments if choice],
        "phases": plan_phases(roles, content),
    }


def plan_read(plan: dict) -> dict:
    """A stored plan with each step's words from the live content (steps whose content is
    gone are left out): role names, experiments and phases of step dicts."""
    content = live_plan_content()
    steps = content["steps"]
    experiments = [
        {**steps[choice["key"]], **choice}
        for choice in plan["experiments"]
        if choice["key"] in steps
    ]
    phases = [
        {**phase, "steps": [steps[key] for key in phase["steps"] if key in steps]}
        for phase in plan["phases"]
    ]
    names = {slug: role["name"] for slug, role in content["roles"].items()}
    return {
        "roles": [names[slug] for slug in plan["roles"] if slug in names],
        "experiments": experiments,
        "phases": [phase for phase in phases if phase["steps"]],
    }


def live_plan_content() -> dict:
    return PLAN_CONTENT.get_or_compute("plan", plan_content)


def recommended_role(report: dict) -> str | None:
    """The one role the fits recommend, or None (a close call, no clear preference)."""
    recommended = [fit["slug"] for fit in report.get("fits", ()) if fit.get("recommended")]
    return recommended[0] if len(recommended) == 1 else None


def sides(report: dict) -> tuple[str, str]:
    """The roles at -100 and +100 of every factor's leaning."""
    return tuple(report.get("compared_roles") or [fit["slug"] for fit in report["fits"]])


def plan_roles(report: dict) -> list[str]:
    recommended = recommended_role(report)
    return [recommended] if recommended else list(sides(report))


def unsure_factors(report: dict, recommended: str | None) -> list[tuple[dict, str, str]]:
    """The factors supporting the recommendation least, each with the side to try and why.

    Support runs from -100 (all against the recommended role) to +100 (all for it); with
    no recommendation, a factor's support is how far it leans either way.
    """
    first, second = sides(report)

    def support(factor):
        if recommended is None:
            return abs(factor["leaning"])
        return factor["leaning"] if recommended == second else -factor["leaning"]

    chosen = []
    ranked = sorted(report["factors"], key=support)
    for number, factor in enumerate(ranked[:EXPERIMENTS_SHOWN]):
        leaning = factor["leaning"]
        if recommended:
            side = recommended
        elif leaning:
            side = first if leaning > 0 else second
        else:
            side = (first, second)[number % 2]
        chosen.append((factor, side, why_unsure(factor, support(factor), recommended)))
    return chosen


def why_unsure(factor: dict, support: int, recommended: str | None) -> str:
    leaning = factor["leaning"]
    toward = factor["architect_name"] if leaning > 0 else factor["pair_programmer_name"]
    if leaning == 0:
        return "Your answers here sit right in the middle."
    if recommended and support < 0:
        return f"Your answers here lean the other way, toward the {toward}."
    if abs(leaning) < SLIGHT_LEANING:
        return f"Your answers here lean only a little, toward the {toward} ({abs(leaning)} of 100)."
    return (
        "Of all the factors, this is one where your answers lean least strongly "
        f"({abs(leaning)} of 100, toward the {toward})."
    )


def experiment_choice(factor, side, reason, content, experience) -> dict | None:
    """The experiment for `factor`'s `side`, written for the experience stage if any is:
    its key, and why it was chosen (from the answers, so kept as it was)."""
    candidates = [
        e for e in content["experiments"] if e["factor"] == factor["slug"] and e["role"] == side
    ]
    stage = STAGE_OF_EXPERIENCE.get(experience, "")
    preferred = sorted(candidates, key=lambda e: (e["stage"] != stage, e["stage"] != ""))
    if not preferred:
        return None
    return {"key": preferred[0]["key"], "factor_name": factor["name"], "reason": reason}


def plan_phases(roles: list[str], content: dict) -> list[dict]:
    """Three phases of skill and tool steps for `roles`, each step naming its section."""
    pattern = ONE_ROLE_STEPS if len(roles) == 1 else TWO_ROLE_STEPS
    per_phase = len(pattern) // len(PHASES)
    phases = [
        {"days": days, "title": title, "steps": []}
        for days, title in zip(PHASES, PHASE_TITLES, strict=True)
    ]
    for slug in roles:
        role = content["roles"].get(slug)
        if role is None:
            continue
        for position, (kind, index) in enumerate(pattern):
            keys = role["tools" if kind == "tool" else "skills"]
            if index < len(keys):
                phases[position // per_phase]["steps"].append(keys[index])
    return [phase for phase in phases if phase["steps"]]


def plan_content() -> dict:
    """What plans are made of, as plain data: four queries, kept until content changes.

    `roles`: each role's name and its skill and tool step keys, in the article's and the
    catalogue's order; `steps`: every step by key; `experiments`: what picks one."""
    roles, steps = {}, {}
    for role in Role.objects.order_by("order", "name"):
        roles[role.slug] = {"name": role.name, "skills": [], "tools": []}
    for skill in RoleSkill.objects.select_related("role", "area").order_by("area__order"):
        step = skill_step(skill)
        steps[step["key"]] = step
        roles[skill.role.slug]["skills"].append(step["key"])
    for tool in Tool.objects.select_related("category").prefetch_related("roles"):
        for role in tool.roles.all():
            step = tool_step(tool, role.name)
            steps[step["key"]] = step
            roles[role.slug]["tools"].append(step["key"])
    experiments = []
    for e in Experiment.objects.select_related("factor", "role"):
        step = experiment_step(e)
        steps[step["key"]] = step
        experiments.append(
            {"key": step["key"], "factor": e.factor.slug, "role": e.role.slug, "stage": e.stage}
        )
    return {"roles": roles, "steps": steps, "experiments": experiments}


def experiment_step(experiment: Experiment) -> dict:
    return {
        "key": f"experiment-{experiment.slug}",
        "kind": "experiment",
        "role_name": experiment.role.name,
        "title": experiment.title,
        "text": experiment.text,
        "article_section": experiment.article_section,
    }


def skill_step(skill: RoleSkill) -> dict:
    return {
        "key": f"skill-{skill.role.slug}-{skill.area.slug}",
        "kind": "skill",
        "role_name": skill.role.name,
        "title": f"Skill to build: {skill.area.name} ({skill.emphasis.lower()})",
        "text": skill.description,
        "url": RoleSkill.url_for(role_slug=skill.role.slug, area_slug=skill.area.slug),
        "article_section": skill.article_section,
    }


def tool_step(tool: Tool, role_name: str) -> dict:
    """A tool to try: its whole description, linked to its entry in the catalogue."""
    return {
        "key": f"tool-{tool.slug}",
        "kind": "tool",
        "role_name": role_name,
        "title": f"Try {tool.name}",
        "text": tool.description,
        "url": Tool.url_for(slug=tool.slug, category_slug=tool.category.slug),
        "article_section": tool.article_section,
    }


def plan_step_keys(plan: dict) -> set[str]:
    """Every step a stored plan holds (the ones its progress may mark)."""
    keys = {choice["key"] for choice in plan.get("experiments", ())}
    for phase in plan.get("phases", ()):
        keys.update(phase["steps"])
    return keys


# --- Progress ---------------------------------------------------------------------------
# Each step of a result's plan done, skipped or open, kept with the result.
#
# No account: the state is stored in the result's row (`AssessmentResult.progress`, step
# key -> state), shown on its page, given in its JSON and deleted with it. Only its owner
# may mark it (careers.assessment.ownership).
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
