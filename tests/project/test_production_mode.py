"""Production mode as `make serve` runs it: gunicorn, DEBUG off, whitenoise."""

import re
import subprocess
import sys
import urllib.request

import pytest

from tests.serving import BASE_DIR, collect_static, current_database_url, gunicorn


def get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


@pytest.mark.server
@pytest.mark.django_db(transaction=True)  # what the server writes is emptied afterwards
def test_gunicorn_serves_pages_and_compressed_far_future_static_files():
    collect_static()
    with gunicorn(current_database_url()) as base:
        status, _, body = get(base + "/")
        assert status == 200
        css = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', body).group(1).decode()
        status, headers, _ = get(base + css, **{"Accept-Encoding": "br, gzip"})
        assert status == 200
        assert headers["Content-Encoding"] in {"br", "gzip"}
        assert "immutable" in headers["Cache-Control"]
        assert int(re.search(r"max-age=(\d+)", headers["Cache-Control"]).group(1)) >= 31536000


def manage_check(**env: str) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": "postgres://x@/y", **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_mode_without_a_secret_key_fails_with_one_clear_line():
    result = manage_check(DJANGO_DEBUG="0")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "DJANGO_SECRET_KEY" in lines[0]


def test_a_wrong_boolean_setting_is_named():
    result = manage_check(DJANGO_DEBUG="maybe")
    assert result.returncode != 0
    assert "DJANGO_DEBUG must be 1/0" in result.stderr
