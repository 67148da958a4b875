"""The public content pages: thin views over the content selectors.

Every page here but search is the same for every visitor until an editor changes the
content, and says so with `shared_page` (the page cache stores it).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.views.generic import ListView, RedirectView, TemplateView

from careers.article import ARTICLE_TITLE
from careers.content import catalogue, comparison, search, selectors
from careers.content.shown import shown_rows
from careers.history.reviewed import last_reviewed
from rolefit.caching import VersionedMemo, shared_page

TOOL_FILTERS = ("role", "category")


# What in a page's context holds the content rows it shows.
SHOWN_CONTENT = ("page", "object_list", "key_points", "attributed_faqs")


class ContentPageMixin:
    """What every content page shares: its canonical address, when its content was last
    reviewed, and 404 for a missing page."""

    def get_canonical_path(self) -> str:
        return self.request.path

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["canonical_url"] = self.request.build_absolute_uri(self.get_canonical_path())
        shown = [context[name] for name in SHOWN_CONTENT if context.get(name) is not None]
        if shown:
            context["last_reviewed"] = last_reviewed(shown_rows(*shown))
        return context


class SelectedPageView(ContentPageMixin, TemplateView):
    """A page fed by one selector returning a page object, or None for "no such page"."""

    def get_page(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        page = self.get_page()
        if page is None:
            raise Http404("No such page")
        return super().get_context_data(page=page, **kwargs)


@shared_page
class HomeView(SelectedPageView):
    template_name = "careers/home.html"

    def get_page(self):
        return selectors.role_overview()


@shared_page
class RoleListView(ContentPageMixin, ListView):
    template_name = "careers/role_list.html"
    context_object_name = "roles"

    def get_queryset(self):
        return selectors.role_list()


@shared_page
class RoleDetailView(SelectedPageView):
    template_name = "careers/role_detail.html"

    def get_page(self):
        return selectors.role_page(slug=self.kwargs["slug"])


class CompareDefaultView(RedirectView):
    """/compare/ leads to the first two roles; temporary, since editors may reorder roles."""

    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        pair = comparison.default_comparison_pair()
        if pair is None:
            raise Http404("Fewer than two roles")
        first, second = pair
        return first.comparison_url(second)


@shared_page
class CompareView(SelectedPageView):
    """Two roles side by side; the reversed address redirects permanently to the canonical one."""

    template_name = "careers/role_compare.html"

    def get(self, request, *args, **kwargs):
        requested = (kwargs["first"], kwargs["second"])
        self.roles = comparison.roles_to_compare(slugs=requested)
        if self.roles is None:
            raise Http404("Unknown role")
        if tuple(role.slug for role in self.roles) != requested:
            first, second = self.roles
            return HttpResponsePermanentRedirect(first.comparison_url(second))
        return super().get(request, *args, **kwargs)

    def get_page(self):
        return comparison.role_comparison(roles=self.roles)


@shared_page(query_parameters=TOOL_FILTERS)
class ToolListView(SelectedPageView):
    """The catalogue; an unknown filter value answers 404 with the catalogue's filters."""

    template_name = "careers/tool_list.html"

    def get_page(self):
        return catalogue.tool_catalogue(
            role_slug=self.request.GET.get("role") or None,
            category_slug=self.request.GET.get("category") or None,
        )

    def get_canonical_path(self) -> str:
        params = {
            name: self.request.GET[name] for name in TOOL_FILTERS if self.request.GET.get(name)
        }
        return self.request.path + (f"?{urlencode(params)}" if params else "")

    def get_context_data(self, **kwargs):
        return super().get_context_data(key_points=selectors.key_points("on_tools"), **kwargs)

    def render_to_response(self, context, **response_kwargs):
        if context["page"].is_unknown_filter:
            response_kwargs["status"] = 404
        return super().render_to_response(context, **response_kwargs)


@shared_page
class SalaryListView(ContentPageMixin, ListView):
    template_name = "careers/salaryrange_list.html"
    context_object_name = "salaries"

    def get_queryset(self):
        return selectors.salary_ranges()

    def get_context_data(self, **kwargs):
        return super().get_context_data(key_points=selectors.key_points("on_salaries"), **kwargs)


@shared_page
class FAQListView(ContentPageMixin, ListView):
    template_name = "careers/faq_list.html"
    context_object_name = "faqs"

    def get_queryset(self):
        return selectors.faq_list()


@shared_page
class FAQDetailView(SelectedPageView):
    template_name = "careers/faq_detail.html"

    def get_page(self):
        return selectors.faq_page(slug=self.kwargs["slug"])


class SearchView(ContentPageMixin, TemplateView):
    """Not a shared page: queries are unbounded, so their pages would fill the shared
    cache. Each worker keeps the pages of the queries it answered most recently, per
    normalised query, until the content changes."""

    template_name = "careers/search.html"
    pages = VersionedMemo(capacity=256)

    def get(self, request, *args, **kwargs):
        query = search.normalize_search_query(request.GET.get("q"))
        html = self.pages.get_or_compute(
            (request.get_host(), query),
            lambda: super(SearchView, self).get(request, *args, **kwargs).render().content,
        )
        return HttpResponse(html)

    def get_context_data(self, **kwargs):
        query = search.normalize_search_query(self.request.GET.get("q"))
        results = search.search(query=query)
        return super().get_context_data(
            search_query=query,
            hits=results.hits,
            corrected_query=results.corrected_query,
            **kwargs,
        )


@shared_page
class AboutView(ContentPageMixin, TemplateView):
    template_name = "careers/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact_email=settings.CONTACT_EMAIL, **kwargs)


@shared_page
class SourceListView(ContentPageMixin, ListView):
    template_name = "careers/source_list.html"
    context_object_name = "sources"

    def get_queryset(self):
        return selectors.source_list()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            article_title=ARTICLE_TITLE, attributed_faqs=selectors.attributed_faqs(), **kwargs
        )
