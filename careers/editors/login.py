"""The admin's login form: what no account can be is refused before anything records it."""

import logging

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.validators import MaxLengthValidator

from careers.editable import unstorable_text_problem

logger = logging.getLogger("rolefit")


class AdminLoginForm(AdminAuthenticationForm):
    """The admin's login form, refusing a username longer than any account's, and text
    that cannot be stored, with a field error instead of trying the login.

    Django's own form shows the username's limit but does not check it, and django-axes
    stores every failed login's username (255 characters at most): a longer one was a 500.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.validators.append(
            MaxLengthValidator(
                username.max_length,
                message=f"No account has a username this long (at most {username.max_length} "
                "characters).",
            )
        )
        for field in self.fields.values():
            field.validators.append(storable_text)

    def clean(self):
        # A field error means the login is not even tried (Django's clean skips it): say so
        # once in the log, as a failed login's line would.
        if self.errors:
            codes = sorted(
                {error.code for errors in self.errors.as_data().values() for error in errors}
            )
            logger.warning(
                "admin login refused before checking it: %s",
                ", ".join(str(code) for code in codes),
                extra={"request": self.request, "status_code": 200},
            )
        return super().clean()


def storable_text(value: str) -> None:
    """A form validator: text PostgreSQL cannot store (NUL, lone surrogates) is an error."""
    problem = unstorable_text_problem(value)
    if problem:
        raise forms.ValidationError(f"This text {problem}.", code="unstorable")
