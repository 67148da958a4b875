"""RoleFit's admin site: its name, an index grouped the way editors think, a login form that
refuses what no account can be before anything records it, and the input its views trust
checked first (never a 500 for staff).
"""

import datetime
import logging
from functools import wraps

from django.contrib import admin, messages
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.shortcuts import render
from django.urls import reverse
from django.utils.log import log_response

# --- The input its views trust, checked first --------------------------------------------
#
# Django's admin turns most bad query strings into its "?e=1" page, but not these:
# - a year outside the years a date can hold, compared with any date field a changelist can
#   filter (`created_at__year=0`, `created_at__year__gte=10000`, `created_at__iso_year=0`:
#   Django builds the year's date range only when it writes the SQL, and fails there), and a
#   date hierarchy's drill-down to a day that does not exist (`...__month=13`);
# - a value compared with a field that cannot hold it and that Django lets through to the
#   SQL (`ip_address=abc` on the login lockouts' lists);
# - a selected row or object id that its primary key cannot hold (`_selected_action=abc`,
#   an integer past 64 bits), which reaches the database and fails there.
# NUL bytes and lone surrogates in any query parameter (and lone surrogates in form bodies)
# are refused for the whole site by `rolefit.middleware.ClientErrorMiddleware`; the login
# form is `careers.editors.login`. Every other admin input goes through Django's own forms
# and filters.
#
# RoleFit's admin site (`careers.editors.site.RoleFitAdminSite`, the default site) is built
# on `GuardedAdminSite`, so every ModelAdmin registered with `admin.site` is covered without
# code of its own.

logger = logging.getLogger("rolefit")

BIGGEST_INTEGER = 2**63 - 1  # PostgreSQL's bigint
YEAR_PARTS = {"year", "iso_year"}
# Lookups whose value becomes a database value of the field's own type.
COMPARISONS = {"exact", "gt", "gte", "lt", "lte", "in", "range"}
# The admin and Django's year lookups compute the end of a year range: keep room for it.
LAST_YEAR = datetime.MAXYEAR - 1


def filtered_field(model, parameter: str) -> tuple[models.Field, list[str]] | None:
    """The field a changelist parameter filters on, across relations, and the transforms
    and lookup after it: `role__name__iexact` is (Role.name, ["iexact"]); None when the
    parameter names no field (`q`, `o`, a list filter's own name)."""
    parts = parameter.split("__")
    opts, field = model._meta, None
    while parts:
        try:
            field = opts.get_field(parts[0])
        except FieldDoesNotExist:
            break
        parts = parts[1:]
        if field.related_model is None:
            break
        opts = field.related_model._meta
    return (field, parts) if field is not None else None


def year_problem(year: str) -> str | None:
    try:
        return None if 1 <= int(year) <= LAST_YEAR else "year out of range"
    except ValueError:
        return "year is not a number"


def database_value_problem(field: models.Field, value: str) -> str | None:
    """Why `value` cannot become `field`'s database value (an IP address field given text
    fails only there), or None."""
    if field.is_relation:
        field = field.related_model._meta.pk
    try:
        field.get_db_prep_value(field.to_python(value), connection)
    except (ValidationError, ValueError, TypeError, OverflowError):
        return f"not a valid {field.get_internal_type()} value"
    return None


def lookup_problem(model, query) -> str | None:
    """Why a changelist parameter's value cannot be compared with the field it names, or
    None. Django checks most values when it builds the query (the "?e=1" page); these two
    kinds fail only when it writes the SQL."""
    for parameter, values in query.lists():
        target = filtered_field(model, parameter)
        if target is None:
            continue
        field, rest = target
        parts = [part for value in values for part in value.split(",")]
        if isinstance(field, models.DateField) and YEAR_PARTS & set(rest):
            problems = map(year_problem, parts)
        elif len(rest) <= 1 and set(rest) <= COMPARISONS:
            problems = (database_value_problem(field, part) for part in parts)
        else:
            continue
        problem = next((problem for problem in problems if problem), None)
        if problem:
            return problem
    return None


def date_drilldown_problem(model_admin, query) -> str | None:
    """Why the date hierarchy's year/month/day cannot make a date range, or None."""
    field = model_admin.date_hierarchy
    if not field:
        return None
    parts = {part: query.get(f"{field}__{part}") for part in ("year", "month", "day")}
    if not any(parts.values()):
        return None
    if not all(value.isdigit() for value in parts.values() if value is not None):
        return "date drill-down is not a number"
    try:
        datetime.date(int(parts["year"] or 1), int(parts["month"] or 1), int(parts["day"] or 1))
        if not 1 <= int(parts["year"] or 1) <= LAST_YEAR:
            raise ValueError("year out of range")
    except (ValueError, OverflowError):
        return "date drill-down out of range"
    return None


def primary_key_problem(model, values) -> str | None:
    """Why one of `values` cannot be a primary key of `model`, or None."""
    pk = model._meta.pk
    for value in values:
        try:
            python_value = pk.to_python(value)
        except ValidationError:
            return "not a valid id"
        if isinstance(pk, models.IntegerField) and not (
            -BIGGEST_INTEGER <= python_value <= BIGGEST_INTEGER
        ):
            return "id out of range"
    return None


def input_problem(model_admin, request, kwargs) -> str | None:
    object_id = kwargs.get("object_id")
    return (
        lookup_problem(model_admin.model, request.GET)
        or date_drilldown_problem(model_admin, request.GET)
        or primary_key_problem(model_admin.model, request.POST.getlist("_selected_action"))
        or (primary_key_problem(model_admin.model, [object_id]) if object_id else None)
    )


class GuardedAdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        model_admin = getattr(view, "__self__", None)
        if isinstance(model_admin, admin.ModelAdmin):
            view = checked(view, model_admin)
        return super().admin_view(view, cacheable)


def checked(view, model_admin):
    @wraps(view)
    def checked_view(request, *args, **kwargs):
        problem = input_problem(model_admin, request, kwargs)
        if problem is not None:
            response = render(request, "400.html", status=400)
            # One line: marked logged, Django adds no "Bad Request" line of its own.
            log_response(
                "admin input refused: %s",
                problem,
                response=response,
                request=request,
                logger=logger,
            )
            return response
        return view(request, *args, **kwargs)

    return checked_view


# (section, models as "app_label.model_name"), in the order the index shows them. A model
# not named here still shows, under "Other", so nothing registered ever disappears.
SECTIONS = (
    (
        "Content",
        (
            "careers.role",
            "careers.responsibility",
            "careers.keypoint",
            "careers.skillarea",
            "careers.roleskill",
            "careers.toolcategory",
            "careers.tool",
            "careers.salaryrange",
            "careers.faq",
            "careers.source",
            "careers.pagecopy",
        ),
    ),
    (
        "Assessment",
        (
            "careers.decisionfactor",
            "careers.question",
            "careers.experiment",
            "careers.questionnaire",
            "careers.assessmentresult",
        ),
    ),
    # Only staff with these permissions (administrators, not editors) see this section.
    (
        "People",
        (
            "auth.user",
            "auth.group",
            "axes.accessattempt",
            "axes.accessfailurelog",
            "axes.accesslog",
        ),
    ),
)
OTHER = "Other"


class RoleFitAdminSite(GuardedAdminSite):
    site_header = "RoleFit administration"
    site_title = "RoleFit admin"
    index_title = "Content, assessment and people"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Imported here: this module loads with the apps, before auth's models exist.
        from careers.editors.login import AdminLoginForm

        self.login_form = AdminLoginForm

    def logout(self, request, extra_context=None):
        """Signing out lands on the login page (settings.LOGOUT_REDIRECT_URL), saying so."""
        response = super().logout(request, extra_context)
        if response.status_code == 302:
            messages.info(request, "You are logged out.")
        return response

    def get_urls(self):
        from django.urls import path

        from careers.editors.content_admin import content_checks_view

        page = self.admin_view(lambda request: content_checks_view(request, self))
        return [path("content-checks/", page, name="content_checks"), *super().get_urls()]

    def content_checks_entry(self) -> dict:
        """The content checks page, listed in the Content section like a read-only model."""
        return {
            "name": "Content checks",
            "object_name": "ContentChecks",
            "admin_url": reverse(f"{self.name}:content_checks"),
            "add_url": None,
            "view_only": True,
            "perms": {"view": True},
        }

    def get_app_list(self, request, app_label=None):
        """The index and the sidebar in sections (Content, Assessment, People); an app's
        own page (app_label given) stays as Django builds it."""
        if app_label is not None:
            return super().get_app_list(request, app_label)
        apps = super().get_app_list(request)
        models = {
            f"{app['app_label']}.{entry['object_name'].lower()}": (app, entry)
            for app in apps
            for entry in app["models"]
        }
        sections = []
        for name, keys in SECTIONS:
            found = [models.pop(key) for key in keys if key in models]
            if found:
                sections.append(section(name, found))
        if sections and sections[0]["name"] == "Content":
            sections[0]["models"].append(self.content_checks_entry())
        if models:
            sections.append(section(OTHER, list(models.values())))
        return sections


def section(name: str, found: list[tuple[dict, dict]]) -> dict:
    first_app = found[0][0]
    return {
        "name": name,
        "app_label": first_app["app_label"],
        "app_url": first_app["app_url"],
        "has_module_perms": True,
        "models": [entry for _, entry in found],
    }


class RoleFitAdminConfig(AdminConfig):
    default_site = "careers.editors.site.RoleFitAdminSite"
