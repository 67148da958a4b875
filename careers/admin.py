"""The app's admin, registered by the features that own the models (Django looks here)."""

import careers.assessment.admin
import careers.content.admin  # noqa: F401
