from django.urls import path

from careers import views

app_name = "careers"

urlpatterns = [
    # --- Content pages ---
    path("", views.HomeView.as_view(), name="home"),
    # --- Assessment ---
]
