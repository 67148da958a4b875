import pytest

from careers.models import Question


@pytest.fixture
def content(seeded, settings):
    """The seeded live questions; the per-client rate limit off for the many POSTs."""
    settings.ASSESSMENT_RATE_LIMIT_PER_MINUTE = 0
    return list(Question.objects.active().select_related("leans_toward", "factor"))
