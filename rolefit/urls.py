from django.contrib import admin
from django.urls import include, path

from rolefit import views
from rolefit.caching import shared_page

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", shared_page(views.robots_txt), name="robots_txt"),
    path("admin/", admin.site.urls),
    path("", include("careers.urls")),
]

handler400 = "rolefit.views.bad_request"
handler403 = "rolefit.views.permission_denied"
handler404 = "rolefit.views.page_not_found"
handler500 = "rolefit.views.server_error"
