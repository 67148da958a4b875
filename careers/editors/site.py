"""RoleFit's admin site: its name, an index grouped the way editors think, and a login
form that refuses what no account can be before anything records it."""

from django.contrib import messages
from django.contrib.admin.apps import AdminConfig
from django.urls import reverse

from careers.editors.input_guard import GuardedAdminSite

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

        from careers.editors.checks_page import content_checks_view

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
