"""The admin site, with the input its views trust checked first (never a 500 for staff).

Django's admin turns most bad query strings into its "?e=1" page, but not these:
- a date drill-down outside the years a date can hold (`created_at__year=9999`, `0`);
- a selected row or object id that its primary key cannot hold (`_selected_action=abc`,
  an integer past 64 bits), which reaches the database and fails there.
NUL bytes in any query parameter are refused for the whole site by
`rolefit.middleware.ClientErrorMiddleware`. Every other admin input goes through Django's
own forms and filters.

RoleFit's admin site (`careers.editors.site.RoleFitAdminSite`, the default site) is built
on `GuardedAdminSite`, so every ModelAdmin registered with `admin.site` is covered without
code of its own.
"""

import datetime
import logging
from functools import wraps

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import render

logger = logging.getLogger("rolefit")

BIGGEST_INTEGER = 2**63 - 1  # PostgreSQL's bigint


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
        # The admin adds a year, month or day for the end of the range: keep room for it.
        datetime.date(int(parts["year"] or 1), int(parts["month"] or 1), int(parts["day"] or 1))
        if not 1 <= int(parts["year"] or 1) <= datetime.MAXYEAR - 1:
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
        date_drilldown_problem(model_admin, request.GET)
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
            logger.warning(
                "admin input refused: %s", problem, extra={"request": request, "status_code": 400}
            )
            return render(request, "400.html", status=400)
        return view(request, *args, **kwargs)

    return checked_view
