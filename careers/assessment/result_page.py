"""What a result's page adds for keeping it: who may manage it, its plan with progress,
what moved since the retaken result, and the retake link (ownership, plan, progress,
retake). One call from `views.result_detail`, one include per part in the template."""

from django.urls import reverse

from careers.assessment import ownership
from careers.assessment.models import AssessmentResult
from careers.assessment.plan import plan_read
from careers.assessment.progress import plan_with_progress, progress_as_json
from careers.assessment.retake import RETAKE_FIELD, comparison_build, retake_token


def result_page_extras(request, result: AssessmentResult) -> dict:
    secret = ownership.owner_secret(request, result)
    manage_path = ownership.manage_link_to_show(request, result)
    plan = result.report.get("plan")
    retake_url = None
    if secret is not None:
        retake_url = f"{reverse('careers:assessment')}?{RETAKE_FIELD}={retake_token(result)}"
    return {
        "has_owner": bool(result.manage_key_hash),
        "may_manage": ownership.may_manage(request, result),
        "manage_url": request.build_absolute_uri(manage_path) if manage_path else None,
        "plan": plan_with_progress(plan_read(plan), result.progress) if plan else None,
        "comparison": comparison_build(result=result, report=result.report)
        if result.previous_id
        else None,
        "retake_url": retake_url,
    }


def result_json_extras(result: AssessmentResult) -> dict:
    """The plan's steps with their progress, and the retaken result, for results with them."""
    extras = {}
    plan = result.report.get("plan")
    if plan:
        extras["plan"] = progress_as_json(plan_read(plan), result.progress)
    if result.previous_id:
        extras["previous"] = str(result.previous_id)
    return extras
