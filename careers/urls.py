from django.contrib.sitemaps.views import sitemap
from django.urls import path

from careers.assessment import views as assessment_views
from careers.content import views
from careers.content.sitemaps import sitemaps
from rolefit.caching import shared_page
from rolefit.ratelimit import rate_limited

app_name = "careers"

urlpatterns = [
    # --- Content pages ---
    path("", views.HomeView.as_view(), name="home"),
    path("roles/", views.RoleListView.as_view(), name="role_list"),
    path("roles/<slug:slug>/", views.RoleDetailView.as_view(), name="role_detail"),
    path("compare/", views.CompareDefaultView.as_view(), name="compare_default"),
    path("compare/<slug:first>-vs-<slug:second>/", views.CompareView.as_view(), name="compare"),
    path("tools/", views.ToolListView.as_view(), name="tool_list"),
    path("salaries/", views.SalaryListView.as_view(), name="salary_list"),
    path("faq/", views.FAQListView.as_view(), name="faq_list"),
    path("faq/<slug:slug>/", views.FAQDetailView.as_view(), name="faq_detail"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("sources/", views.SourceListView.as_view(), name="source_list"),
    path("sitemap.xml", shared_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    # --- Assessment ---
    path(
        "assessment/",
        rate_limited(
            scope="assessment",
            limit_setting="ASSESSMENT_RATE_LIMIT_PER_MINUTE",
            refused=assessment_views.assessment_refused,
        )(assessment_views.assessment),
        name="assessment",
    ),
    path("assessment/methodology/", assessment_views.methodology, name="assessment_methodology"),
    path("assessment/results/<uuid:pk>/", assessment_views.result_detail, name="result_detail"),
    path("assessment/results/<uuid:pk>.json", assessment_views.result_json, name="result_json"),
    path(
        "assessment/results/<uuid:pk>/delete/",
        rate_limited(scope="result-links", limit_setting="RESULT_LINK_RATE_LIMIT_PER_MINUTE")(
            assessment_views.result_delete
        ),
        name="result_delete",
    ),
    path(
        "assessment/results/<uuid:pk>/feedback/",
        rate_limited(scope="result-links", limit_setting="RESULT_LINK_RATE_LIMIT_PER_MINUTE")(
            assessment_views.result_feedback
        ),
        name="result_feedback",
    ),
]
