"""sitemap.xml: every public page a search engine should know about."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from careers.content import comparison
from careers.content.models import FAQ, Role

# The assessment pages belong to another part of the app; their paths are in the public
# URL contract, so they are listed by path rather than by a URL name this module would
# have to know.
ASSESSMENT_PATHS = ("/assessment/", "/assessment/methodology/")
STATIC_PAGES = (
    "careers:home",
    "careers:role_list",
    "careers:tool_list",
    "careers:salary_list",
    "careers:faq_list",
    "careers:source_list",
    "careers:about",
)


class StaticPageSitemap(Sitemap):
    priority = 0.8
    changefreq = "weekly"

    def items(self):
        return [*STATIC_PAGES, *ASSESSMENT_PATHS]

    def location(self, item):
        return item if item.startswith("/") else reverse(item)


class RoleSitemap(Sitemap):
    priority = 1.0
    changefreq = "weekly"

    def items(self):
        return Role.objects.only("slug", "order", "name")


class ComparisonSitemap(Sitemap):
    priority = 0.9
    changefreq = "weekly"

    def items(self):
        return comparison.comparison_pairs()

    def location(self, item):
        first, second = item
        return first.comparison_url(second)


class FAQSitemap(Sitemap):
    priority = 0.6
    changefreq = "monthly"

    def items(self):
        return FAQ.objects.only("slug", "order", "question")


sitemaps = {
    "pages": StaticPageSitemap,
    "roles": RoleSitemap,
    "compare": ComparisonSitemap,
    "faq": FAQSitemap,
}
