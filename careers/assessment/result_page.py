"""What a result's page adds for keeping it: who may manage it, its plan with progress,
what moved since the retaken result, and the retake link (ownership, plan, progress,
retake). One call from `views.result_detail`, one include per part in the template."""

import json

from django.template.loader import render_to_string
from django.urls import reverse

from careers.assessment import ownership
from careers.assessment.models import AssessmentResult
from careers.assessment.plan import plan_read
from careers.assessment.progress import plan_with_progress, progress_as_json
from careers.assessment.retake import RETAKE_FIELD, comparison_build, retake_token
from rolefit.caching import VersionedMemo

# A plan as readers of a shared link see it (no forms) depends only on its steps and their
# states: rendered once per worker and content version for each, like the next steps.
READ_ONLY_PLANS = VersionedMemo(capacity=256)


def result_page_extras(request, result: AssessmentResult) -> dict:
    secret = ownership.owner_secret(request, result)
    manage_path = ownership.manage_link_to_show(request, result)
    plan = result.report.get("plan")
    retake_url = None
    if secret is not None:
        retake_url = f"{reverse('careers:assessment')}?{RETAKE_FIELD}={retake_token(result)}"
    may_manage = ownership.may_manage(request, result)
    return {
        "has_owner": bool(result.manage_key_hash),
        "may_manage": may_manage,
        "manage_url": request.build_absolute_uri(manage_path) if manage_path else None,
        "plan_html": plan_html(request, result, plan, may_manage=may_manage) if plan else "",
        "comparison": comparison_build(result=result, report=result.report)
        if result.previous_id
        else None,
        "retake_url": retake_url,
    }


def plan_html(request, result: AssessmentResult, plan: dict, *, may_manage: bool) -> str:
    """The plan's sections: with the owner's forms, or (memoised) read-only."""

    def render():
        context = {
            "plan": plan_with_progress(plan_read(plan), result.progress),
            "result": result,
            "may_manage": may_manage,
        }
        return render_to_string("careers/includes/result_plan.html", context, request=request)

    if may_manage:
        return render()
    key = json.dumps([plan, result.progress], sort_keys=True)
    return READ_ONLY_PLANS.get_or_compute(key, render)


def result_json_extras(result: AssessmentResult) -> dict:
    """The plan's steps with their progress, and the retaken result, for results with them."""
    extras = {}
    plan = result.report.get("plan")
    if plan:
        extras["plan"] = progress_as_json(plan_read(plan), result.progress)
    if result.previous_id:
        extras["previous"] = str(result.previous_id)
    return extras
