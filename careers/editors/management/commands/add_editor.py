"""`manage.py add_editor EMAIL`: a staff account in the Editors group, and its link."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from careers.editors.group import InviteError, create_editor, password_link

DEFAULT_SITE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = (
        "Creates a staff user named EMAIL, with no password, in the Editors group (content "
        "and questionnaire, read-only results, nothing on people), and prints a one-time "
        "link with which they choose their password."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The editor's e-mail address (also their username).")
        parser.add_argument(
            "--site-url",
            default=DEFAULT_SITE_URL,
            help=f"Where editors reach the site, for the link (default: {DEFAULT_SITE_URL}).",
        )

    def handle(self, *args, email: str, site_url: str, **options):
        try:
            user = create_editor(email)
        except InviteError as error:
            raise CommandError(str(error)) from None
        days = settings.PASSWORD_RESET_TIMEOUT // (60 * 60 * 24)
        self.stdout.write(f"Created the editor {user.username} (staff, in the Editors group).")
        self.stdout.write(
            f"Send them this link to choose a password; it works once, for {days} days:"
        )
        self.stdout.write(password_link(user, site_url))
