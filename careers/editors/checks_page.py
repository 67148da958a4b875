"""The admin's "Content checks" page: every finding of the content checks, linked to its row."""

from itertools import groupby

from django.template.response import TemplateResponse

from careers.editors.checks import all_findings


def can_see(user, finding) -> bool:
    opts = finding.row._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


def content_checks_view(request, admin_site):
    """Findings grouped by model, each row linked to its change page."""
    findings = [f for f in all_findings() if can_see(request.user, f)]
    groups = [
        (model._meta.verbose_name_plural.capitalize(), list(found))
        for model, found in groupby(findings, key=lambda finding: type(finding.row))
    ]
    context = {
        **admin_site.each_context(request),
        "title": "Content checks",
        "groups": groups,
        "finding_count": len(findings),
    }
    return TemplateResponse(request, "admin/careers/content_checks.html", context)
