from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from rolefit import views
from rolefit.caching import shared_page


def set_password_page(title: str) -> dict:
    """The admin's name on the set-password pages (they are not admin views, so Django
    would call itself "Django administration" there), and a title an editor expects."""
    return {
        "site_header": admin.site.site_header,
        "site_title": admin.site.site_title,
        "title": title,
    }


urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", shared_page(views.robots_txt), name="robots_txt"),
    # The one-time link `manage.py add_editor` prints: a new editor chooses a password.
    path(
        "admin/password/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            extra_context=set_password_page("Choose your RoleFit password")
        ),
        name="password_reset_confirm",
    ),
    path(
        "admin/password/done/",
        auth_views.PasswordResetCompleteView.as_view(
            extra_context=set_password_page("Your password is set")
        ),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path("", include("careers.urls")),
]

handler400 = "rolefit.views.bad_request"
handler403 = "rolefit.views.permission_denied"
handler404 = "rolefit.views.page_not_found"
handler500 = "rolefit.views.server_error"
