"""rolefit.storage.StaticFilesStorage: hashed static file URLs, worked out once each."""

import json

import pytest

from rolefit.caching.static import StaticFilesStorage


@pytest.fixture
def storage(tmp_path):
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "hash": "x", "paths": {"css/site.css": "css/site.0a1b.css"}})
    )
    return StaticFilesStorage(location=tmp_path, base_url="/static/")


def test_a_file_gets_its_hashed_url_every_time(storage):
    assert storage.url("css/site.css") == "/static/css/site.0a1b.css"
    assert storage.url("css/site.css") == "/static/css/site.0a1b.css"


def test_a_file_missing_from_the_manifest_is_an_error_every_time(storage):
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
