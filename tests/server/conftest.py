"""The stack `make serve` starts (nginx in front of gunicorn), for every test in this folder.

The server shares the test database and its content (tests/conftest.py); what the server
wrote is replaced with the content as seeded afterwards.
"""

import pytest

from tests.seeded_database import SEEDED
from tests.serving import collect_static, current_database_url, served_stack


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The base URL of nginx; both servers' log is `site.log`."""
    log_path = tmp_path_factory.mktemp("serve") / "serve.log"
    with django_db_blocker.unblock():
        collect_static()
        try:
            with served_stack(
                current_database_url(),
                log_path=log_path,
                ASSESSMENT_RATE_LIMIT_PER_MINUTE="0",
                REDIS_URL="",  # the database cache, whose table the flood test reads
            ) as base_url:
                yield Site(base_url, log_path)
        finally:
            SEEDED.put_back()


class Site(str):
    """The base URL, carrying the path of the servers' log."""

    def __new__(cls, base_url: str, log_path):
        site = super().__new__(cls, base_url)
        site.log = log_path
        return site

    def log_lines(self) -> list[str]:
        return self.log.read_text(errors="replace").splitlines()
