"""The assessment: the form, stored results (page, JSON, delete, feedback), methodology."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careers import assessment_selectors as selectors
from careers import services
from careers.forms import AssessmentForm
from careers.scoring import (
    CARELESS_MIN_ANSWERS,
    CARELESS_SHARE,
    HYBRID_MARGIN,
    NEUTRAL,
    SCALE_LABELS,
)
from rolefit.db import first_query_checks_connection
from rolefit.page_cache import ContentMemo


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
        if form.is_valid():
            result = services.result_create(answers=form.answers(), questions=questions)
            return HttpResponseSeeOther(result.get_absolute_url())
        context = {"form": form, "questions": questions}
        return render(request, "careers/assessment_form.html", context, status=400)
    if messages.get_messages(request):
        # A message for this visitor alone (e.g. "result deleted"): never from the shared copy.
        html = render_blank_form(request, questions)
    else:
        html = blank_form_html(request, questions)
    return HttpResponse(html.replace(CSRF_MARK, csrf_input(request)))


# The empty form is the same for every visitor but for its CSRF token; rendering its 90
# labelled radio buttons is the costliest thing on the site, so each worker renders it
# once per content version and host and puts each visitor's token in.
CSRF_MARK = "<!-- csrf-token -->"
BLANK_FORMS = ContentMemo(max_entries=20)


def blank_form_html(request, questions) -> str:
    return BLANK_FORMS.get_or_compute(
        request.get_host(), lambda: render_blank_form(request, questions)
    )


def render_blank_form(request, questions) -> str:
    context = {
        "form": AssessmentForm(questions=questions),
        "questions": questions,
        "csrf_placeholder": mark_safe(CSRF_MARK),  # noqa: S308 (a constant)
    }
    return render_to_string("careers/assessment_form.html", context, request=request)


def csrf_input(request) -> str:
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )


@never_cache
@require_safe
def result_detail(request, pk):
    result = found_result(pk)
    report = selectors.result_report(result=result)
    context = {
        "report": report,
        "result": result,
        "share_url": request.build_absolute_uri(result.get_absolute_url()),
        "next_steps_html": next_steps_html(recommended_roles(report), report.role_slugs),
    }
    return render(request, "careers/assessment_result.html", context)


# Next steps depend on the recommended roles and the live content only, not on the
# visitor: rendered once per content version, like the blank form.
NEXT_STEPS = ContentMemo(max_entries=10)


def next_steps_html(role_slugs: tuple[str, ...], compared: tuple[str, ...]) -> str:
    def render_next_steps():
        context = {"next_steps": selectors.next_steps(role_slugs=role_slugs), "compared": compared}
        return render_to_string("careers/includes/result_next_steps.html", context)

    return NEXT_STEPS.get_or_compute((role_slugs, compared), render_next_steps)


def recommended_roles(report) -> tuple[str, ...]:
    return report.role_slugs if report.outcome not in report.role_slugs else (report.outcome,)


@never_cache
@require_safe
def result_json(request, pk):
    result = found_result(pk)
    report = selectors.result_report(result=result)
    url = request.build_absolute_uri(result.get_absolute_url())
    return JsonResponse(selectors.result_as_json(report=report, url=url))


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


@require_safe
def methodology(request):
    questions = selectors.assessment_questions()
    context = {
        "factors": selectors.methodology_factors(questions),
        "roles": selectors.role_pair(questions) if questions else (),
        "question_count": len(questions),
        "total_weight": sum(q.weight for q in questions),
        "hybrid_margin": HYBRID_MARGIN,
        "hybrid_low": 50 - HYBRID_MARGIN // 2,
        "hybrid_high": 50 + HYBRID_MARGIN // 2,
        "careless_percent": int(CARELESS_SHARE * 100),
        "careless_min": CARELESS_MIN_ANSWERS,
        "scale_rows": [(label, signed(value - NEUTRAL)) for value, label in SCALE_LABELS.items()],
    }
    return render(request, "careers/assessment_methodology.html", context)


def signed(number: int) -> str:
    return f"{number:+d}".replace("-", "\u2212") if number else "0"
