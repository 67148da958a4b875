import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rolefit.settings")

try:
    django_application = get_wsgi_application()
except ImproperlyConfigured as error:
    # gunicorn would print a traceback; a missing setting deserves one line naming it.
    sys.exit(f"Configuration error: {error}")

from django.conf import settings

from rolefit.entry import GuardedApplication

# Headers and bodies Django can read, or the designed 4xx page (rolefit/entry.py).
application = GuardedApplication(
    django_application, body_limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE
)
