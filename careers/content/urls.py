"""The public content pages (named in the `careers` namespace by careers/urls.py)."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from careers.content import views
from careers.content.sitemaps import sitemaps
from rolefit.caching import shared_page

urlpatterns = [
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
    path("about/", views.AboutView.as_view(), name="about"),
    path("sitemap.xml", shared_page(sitemap), {"sitemaps": sitemaps}, name="sitemap"),
]
