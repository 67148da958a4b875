"""Adding an editor: a staff account without a password, in the Editors group, and the
one-time link with which they choose their own password."""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from careers.editors.group import ensure_editors_group


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
