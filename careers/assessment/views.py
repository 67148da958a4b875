"""The assessment: the form, stored results (page, JSON, delete, feedback, progress,
manage link), methodology.
"""

import json

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careers.assessment import ownership, selectors, services
from careers.assessment.forms import (
    STARTED_FIELD,
    STARTED_PLACEHOLDER,
    AssessmentForm,
    seconds_since,
    started_field,
)
from careers.assessment.models import AssessmentResult
from careers.assessment.ownership import (
    RETAKE_FIELD,
    comparison_build,
    previous_id_for,
    retake_field,
    retake_token,
)
from careers.assessment.plan import (
    STATE_LABELS,
    ProgressError,
    plan_read,
    plan_with_progress,
    progress_as_json,
    progress_mark_read,
)
from careers.assessment.report import result_as_json, result_report
from careers.assessment.selectors import methodology_context
from careers.content.shown import shown_rows
from careers.history.reviewed import last_reviewed
from rolefit.caching import (
    VersionedMemo,
    first_query_checks_connection,
    shared_form_page,
    shared_page,
)
from rolefit.ratelimit import seconds_left_in_window


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def found_result(pk):
    # Often the request's first query: it doubles as the connection's health check.
    result = first_query_checks_connection(lambda: selectors.result_get(pk=pk))
    if result is None:
        raise Http404("No such result.")
    return result


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def assessment(request):
    questions = selectors.assessment_questions()
    if request.method == "POST" and questions:
        form = AssessmentForm(request.POST, request.FILES, questions=questions)
        stamp = request.POST.get(STARTED_FIELD)
        retake = request.POST.get(RETAKE_FIELD)
        if form.is_valid():
            secret = ownership.manage_secret_new()
            result = services.result_create(
                answers=form.answers(),
                questions=questions,
                experience=form.experience(),
                seconds_taken=seconds_since(stamp),
                manage_key_hash=ownership.manage_key_hash(secret),
                previous_id=previous_id_for(retake),
            )
            response = HttpResponseSeeOther(result.get_absolute_url())
            return ownership.owner_cookie_set(response, result, secret, new=True)
        # Keep timing from the first time the form was shown, when the stamp is genuine.
        started = started_field(stamp if seconds_since(stamp) is not None else None)
        context = {
            "form": form,
            "questions": questions,
            "started_html": started,
            "retake_html": retake_field(retake),
        }
        return render(request, "careers/assessment_form.html", context, status=400)
    if messages.get_messages(request) or RETAKE_FIELD in request.GET:
        # A message or a retake reference for this visitor alone: never the shared copy.
        retake = retake_field(request.GET.get(RETAKE_FIELD))
        context = blank_form_context(questions, retake_html=retake)
        return render(request, "careers/assessment_form.html", context)
    html = shared_form_page(
        request,
        name="assessment",
        render=lambda csrf_placeholder: render_to_string(
            "careers/assessment_form.html",
            blank_form_context(
                questions, csrf_placeholder=csrf_placeholder, started_html=STARTED_PLACEHOLDER
            ),
            request=request,
        ),
        # Each visitor's form is stamped with the moment it is served.
        visitor_fields={STARTED_PLACEHOLDER: started_field()},
    )
    return HttpResponse(html)


def assessment_refused(request):
    """The 429 answer to a submission past the rate limit: the form again, filled in."""
    questions = selectors.assessment_questions()
    context = {
        "form": AssessmentForm(request.POST, questions=questions),
        "questions": questions,
        "retry_after": seconds_left_in_window(),
    }
    return render(request, "careers/assessment_form.html", context)


def blank_form_context(questions, **extra) -> dict:
    extra.setdefault("started_html", started_field())
    return {"form": AssessmentForm(questions=questions), "questions": questions, **extra}


@never_cache
@require_safe
def result_detail(request, pk):
    result = found_result(pk)
    report = result_report(result=result)
    context = {
        "report": report,
        "result": result,
        "share_url": request.build_absolute_uri(result.get_absolute_url()),
        "next_steps_html": next_steps_html(report, with_plan="plan" in result.report),
        **result_page_extras(request, result),
    }
    response = render(request, "careers/assessment_result.html", context)
    return ownership.manage_link_shown(response, result) if context["manage_url"] else response


# Next steps depend on the recommended roles and the live content only, not on the
# visitor: rendered once per content version.
NEXT_STEPS = VersionedMemo(capacity=10)


def next_steps_html(report, *, with_plan: bool = False) -> str:
    """`with_plan`: the result has a plan, which lists the tools (whole, linked, core
    first), so the next steps leave them out."""
    recommended, compared = report.next_step_roles, report.compared_roles

    def render_next_steps():
        block = selectors.next_steps(role_slugs=recommended, compared=compared)
        context = {"next_steps": block, "with_plan": with_plan}
        return render_to_string("careers/includes/result_next_steps.html", context)

    return NEXT_STEPS.get_or_compute((recommended, compared, with_plan), render_next_steps)


@never_cache
@require_safe
def result_json(request, pk):
    result = found_result(pk)
    url = request.build_absolute_uri(result.get_absolute_url())
    data = result_as_json(result=result, report=result_report(result=result), url=url)
    return JsonResponse({**data, **result_json_extras(result)})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def result_delete(request, pk):
    result = found_result(pk)
    if not ownership.may_manage(request, result):
        return not_yours(request, result)
    if request.method == "POST":
        services.result_delete(result=result)
        messages.success(request, "Your result has been deleted. Its link no longer works.")
        return HttpResponseSeeOther(reverse("careers:assessment"))
    return render(request, "careers/assessment_result_delete.html", {"result": result})


@require_POST
def result_feedback(request, pk):
    result = found_result(pk)
    if not ownership.may_manage(request, result):
        return not_yours(request, result)
    choice = request.POST.getlist("fits_me")
    if choice not in (["yes"], ["no"]):
        return render(request, "400.html", status=400)
    services.result_record_feedback(result=result, fits_me=choice == ["yes"])
    return HttpResponseSeeOther(result.get_absolute_url() + "#feedback")


def not_yours(request, result):
    """The 403 for someone holding only the share link, which reads but changes nothing."""
    return render(request, "careers/result_not_yours.html", {"result": result}, status=403)


@never_cache
@require_safe
def result_manage(request, pk, secret):
    """The manage link: makes this browser the result's owner too, then shows the result."""
    result = found_result(pk)
    if not ownership.secret_opens(result, secret):
        context = {"result": result, "bad_link": True}
        return render(request, "careers/result_not_yours.html", context, status=403)
    response = HttpResponseSeeOther(result.get_absolute_url())
    return ownership.owner_cookie_set(response, result, secret)


@require_POST
def result_progress(request, pk):
    """Marks one plan step done, skipped or open again; JSON for the page's script, else a
    redirect back to the step (POST-redirect-GET)."""
    result = found_result(pk)
    if not ownership.may_manage(request, result) or not result.manage_key_hash:
        return not_yours(request, result)
    try:
        step, state = progress_mark_read(plan=result.report.get("plan") or {}, post=request.POST)
    except ProgressError as error:
        return render(request, "400.html", {"reason": str(error)}, status=400)
    services.result_record_progress(result=result, step=step, state=state)
    if request.headers.get("Accept") == "application/json":
        shown = state or "open"
        return JsonResponse({"step": step, "state": shown, "label": STATE_LABELS[shown]})
    return HttpResponseSeeOther(f"{result.get_absolute_url()}#step-{step}")


@shared_page
@require_safe
def methodology(request):
    questions = selectors.assessment_questions()
    context = methodology_context(questions)
    shown = shown_rows(questions, [question.factor for question in questions])
    context["last_reviewed"] = last_reviewed(shown)
    return render(request, "careers/assessment_methodology.html", context)


# --- What a result's page adds for keeping it ---------------------------------------------
# Who may manage it, its plan with progress, what moved since the retaken result, and the
# retake link. One call from `result_detail`, one include per part in the template.

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
