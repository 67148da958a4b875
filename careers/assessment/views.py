"""The assessment: the form, stored results (page, JSON, delete, feedback), methodology."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careers.assessment import selectors, services
from careers.assessment.forms import (
    STARTED_FIELD,
    STARTED_PLACEHOLDER,
    AssessmentForm,
    seconds_since,
    started_field,
)
from careers.assessment.methodology import methodology_context
from careers.assessment.report import result_as_json, result_report
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
        if form.is_valid():
            result = services.result_create(
                answers=form.answers(),
                questions=questions,
                experience=form.experience(),
                seconds_taken=seconds_since(stamp),
            )
            return HttpResponseSeeOther(result.get_absolute_url())
        # Keep timing from the first time the form was shown, when the stamp is genuine.
        started = started_field(stamp if seconds_since(stamp) is not None else None)
        context = {"form": form, "questions": questions, "started_html": started}
        return render(request, "careers/assessment_form.html", context, status=400)
    if messages.get_messages(request):
        # A message for this visitor alone (e.g. "result deleted"): never the shared copy.
        return render(request, "careers/assessment_form.html", blank_form_context(questions))
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
        "next_steps_html": next_steps_html(report),
    }
    return render(request, "careers/assessment_result.html", context)


# Next steps depend on the recommended roles and the live content only, not on the
# visitor: rendered once per content version.
NEXT_STEPS = VersionedMemo(capacity=10)


def next_steps_html(report) -> str:
    recommended, compared = report.next_step_roles, report.compared_roles

    def render_next_steps():
        block = selectors.next_steps(role_slugs=recommended, compared=compared)
        return render_to_string("careers/includes/result_next_steps.html", {"next_steps": block})

    return NEXT_STEPS.get_or_compute((recommended, compared), render_next_steps)


@never_cache
@require_safe
def result_json(request, pk):
    result = found_result(pk)
    url = request.build_absolute_uri(result.get_absolute_url())
    return JsonResponse(result_as_json(result=result, report=result_report(result=result), url=url))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def result_delete(request, pk):
    result = found_result(pk)
    if request.method == "POST":
        services.result_delete(result=result)
        messages.success(request, "Your result has been deleted. Its link no longer works.")
        return HttpResponseSeeOther(reverse("careers:assessment"))
    return render(request, "careers/assessment_result_delete.html", {"result": result})


@require_POST
def result_feedback(request, pk):
    result = found_result(pk)
    choice = request.POST.getlist("fits_me")
    if choice not in (["yes"], ["no"]):
        return render(request, "400.html", status=400)
    services.result_record_feedback(result=result, fits_me=choice == ["yes"])
    return HttpResponseSeeOther(result.get_absolute_url() + "#feedback")


@shared_page
@require_safe
def methodology(request):
    questions = selectors.assessment_questions()
    context = methodology_context(questions)
    shown = shown_rows(questions, [question.factor for question in questions])
    context["last_reviewed"] = last_reviewed(shown)
    return render(request, "careers/assessment_methodology.html", context)
