from django.contrib import admin
from django.urls import include, path

from careers.assessment.quality_views import quality as assessment_quality
from rolefit import views
from rolefit.caching import shared_page

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", shared_page(views.robots_txt), name="robots_txt"),
    # Staff only (admin_view): before the admin's catch-all.
    path(
        "admin/assessment-quality/",
        admin.site.admin_view(assessment_quality),
        name="assessment_quality",
    ),
    path("admin/", admin.site.urls),
    path("", include("careers.urls")),
]

handler400 = "rolefit.views.bad_request"
handler403 = "rolefit.views.permission_denied"
handler404 = "rolefit.views.page_not_found"
handler500 = "rolefit.views.server_error"
