from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from rolefit import views
from rolefit.caching import shared_page

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", shared_page(views.robots_txt), name="robots_txt"),
    # The one-time link `manage.py add_editor` prints: a new editor chooses a password.
    path(
        "admin/password/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "admin/password/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("", include("careers.urls")),
]

handler400 = "rolefit.views.bad_request"
handler403 = "rolefit.views.permission_denied"
handler404 = "rolefit.views.page_not_found"
handler500 = "rolefit.views.server_error"
