"""The "Editors" group: what a staff member who edits content may do, and nothing more.

Add, change, delete and view on every content model (roles and what hangs off them,
skills, tools, salaries, FAQs, sources) and on the questionnaire (factors and
statements); drafts of that content, and publishing them now or at a time; change and
view on page copy, whose keys the templates define; view on
stored questionnaires and assessment results (no delete: results belong to visitors).
Nothing on users, groups, login lockouts or logs. The group is rewritten after every
`migrate`, so a new content model or a permission granted by hand is put right on the
next deploy.

Adding an editor (`create_editor`, `password_link`): see "Adding an editor" below.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

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


# --- Adding an editor ---------------------------------------------------------------------
# A staff account without a password, in the Editors group, and the one-time link with
# which they choose their own password.


class InviteError(Exception):
    pass


def normalized_email(raw: str) -> str:
    email = raw.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise InviteError(f"{raw!r} is not a valid e-mail address.") from None
    return get_user_model().objects.normalize_email(email)


@transaction.atomic
def create_editor(raw_email: str):
    """A new staff user named after `raw_email`, unable to log in until they set a
    password, and a member of the Editors group."""
    email = normalized_email(raw_email)
    User = get_user_model()
    if User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
        raise InviteError(
            f"A user with the e-mail {email} already exists: add them to the Editors group "
            "on their page in the admin (People → Users) instead."
        )
    user = User(username=email, email=email, is_staff=True)
    user.set_unusable_password()
    user.save()
    user.groups.add(ensure_editors_group())
    return user


def password_link(user, site_url: str) -> str:
    """A link to choose a password; it stops working once used (the token covers the
    password hash) or after PASSWORD_RESET_TIMEOUT."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return site_url.rstrip("/") + path
