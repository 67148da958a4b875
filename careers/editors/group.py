"""The "Editors" group: what a staff member who edits content may do, and nothing more.

Add, change, delete and view on every content model (roles and what hangs off them,
skills, tools, salaries, FAQs, sources) and on the questionnaire (factors and
statements); drafts of that content, and publishing them now or at a time; change and
view on page copy, whose keys the templates define; view on
stored questionnaires and assessment results (no delete: results belong to visitors).
Nothing on users, groups, login lockouts or logs. The group is rewritten after every
`migrate`, so a new content model or a permission granted by hand is put right on the
next deploy.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

EDITORS_GROUP = "Editors"
FULL = ("add", "change", "delete", "view")
# Beyond content: what an editor may look at but never change.
READ_ONLY = ("questionnaire", "assessmentresult")
# Drafts of content: save, discard and publish them (careers.editors.drafts).
DRAFTS = (*FULL, "publish")

# Content whose rows the templates define: editors reword them, never add or remove one.
# (The Content checks page needs no permission of its own: it lists findings on the
# content models the user may view.)
REWORD_ONLY = {"pagecopy": ("change", "view")}


def editor_permission_codenames() -> dict[type, tuple[str, ...]]:
    """Model -> the actions the Editors group holds on it."""
    from django.apps import apps

    from careers.editable import editable_models

    granted: dict[type, tuple[str, ...]] = {
        model: REWORD_ONLY.get(model._meta.model_name, FULL) for model in editable_models()
    }
    for name in READ_ONLY:
        granted[apps.get_model("careers", name)] = ("view",)
    granted[apps.get_model("careers", "draft")] = DRAFTS
    return granted


def editor_permissions() -> list[Permission]:
    granted = editor_permission_codenames()
    content_types = ContentType.objects.get_for_models(*granted, for_concrete_models=False)
    permissions = []
    for model, actions in granted.items():
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        permissions.extend(
            Permission.objects.filter(content_type=content_types[model], codename__in=codenames)
        )
    return permissions


@transaction.atomic
def ensure_editors_group() -> Group:
    """Creates the group when missing and sets its permissions to exactly the above."""
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions())
    return group


def editors_group_after_migrate(sender, using="default", **kwargs):
    if using == "default":
        ensure_editors_group()
