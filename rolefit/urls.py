from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from careers.content.sitemaps import sitemaps
from rolefit import views
from rolefit.caching import shared_page

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", shared_page(views.robots_txt), name="robots_txt"),
    path("sitemap.xml", shared_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
    path("admin/", admin.site.urls),
    path("", include("careers.urls")),
]

handler400 = "rolefit.views.bad_request"
handler403 = "rolefit.views.permission_denied"
handler404 = "rolefit.views.page_not_found"
handler500 = "rolefit.views.server_error"
