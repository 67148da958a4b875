"""One real gunicorn, started as `make serve` starts it, for every test in this folder.

The server shares the test database and its content (tests/conftest.py); what the server
wrote is replaced with the content as seeded afterwards.
"""

import pytest

from tests.seeded_database import SEEDED
from tests.serving import collect_static, current_database_url, gunicorn

# A short body deadline, so that the test of a client that stops sending takes seconds.
BODY_READ_SECONDS = "4"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The base URL of the server; its log file is `site.log`."""
    log_path = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with django_db_blocker.unblock():
        collect_static()
        try:
            with gunicorn(
                current_database_url(),
                workers=2,
                log_path=log_path,
                BODY_READ_SECONDS=BODY_READ_SECONDS,
                ASSESSMENT_RATE_LIMIT_PER_MINUTE="0",
                REDIS_URL="",  # the database cache, whose table the flood test reads
            ) as base_url:
                yield Site(base_url, log_path)
        finally:
            SEEDED.put_back()


class Site(str):
    """The base URL, carrying the path of the server's log."""

    def __new__(cls, base_url: str, log_path):
        site = super().__new__(cls, base_url)
        site.log = log_path
        return site

    def log_lines(self) -> list[str]:
        return self.log.read_text().splitlines()
