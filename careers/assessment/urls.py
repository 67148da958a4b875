"""The assessment: the form, stored results and the methodology (named in the `careers`
namespace by careers/urls.py). Submissions and result-link POSTs are rate limited."""

from django.urls import path

from careers.assessment import views
from rolefit.ratelimit import rate_limited

result_link_limited = rate_limited(
    scope="result-links", limit_setting="RESULT_LINK_RATE_LIMIT_PER_MINUTE"
)

urlpatterns = [
    path(
        "assessment/",
        rate_limited(
            scope="assessment",
            limit_setting="ASSESSMENT_RATE_LIMIT_PER_MINUTE",
            refused=views.assessment_refused,
        )(views.assessment),
        name="assessment",
    ),
    path("assessment/methodology/", views.methodology, name="assessment_methodology"),
    path("assessment/results/<uuid:pk>/", views.result_detail, name="result_detail"),
    path("assessment/results/<uuid:pk>.json", views.result_json, name="result_json"),
    path(
        "assessment/results/<uuid:pk>/delete/",
        result_link_limited(views.result_delete),
        name="result_delete",
    ),
    path(
        "assessment/results/<uuid:pk>/feedback/",
        result_link_limited(views.result_feedback),
        name="result_feedback",
    ),
    path(
        "assessment/results/<uuid:pk>/progress/",
        result_link_limited(views.result_progress),
        name="result_progress",
    ),
    path(
        "assessment/results/<uuid:pk>/manage/<str:secret>/",
        result_link_limited(views.result_manage),
        name="result_manage",
    ),
]
