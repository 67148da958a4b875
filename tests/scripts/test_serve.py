"""scripts/serve.py and scripts/bench_base.py: nginx's configuration and the bench's base build."""

import re
import runpy
import subprocess

import pytest
from django.conf import settings

from scripts.bench import parse_variant
from scripts.bench_base import BaseBuild
from scripts.serve import BASE_DIR, ServeError, nginx_program, render_nginx_conf, write_image_conf


def rendered(tmp_path) -> str:
    return render_nginx_conf(
        listen="127.0.0.1:8199",
        upstreams=[f"unix:{tmp_path}/gunicorn.sock"],
        static_root=tmp_path / "static",
        error_pages=tmp_path / "errors",
    )


def directive(conf: str, name: str) -> str:
    return re.search(rf"^\s*{name}\s+([^;]+);", conf, re.MULTILINE).group(1)


def size_in_bytes(text: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([km]?)", text).groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024 * 1024}[unit]


def test_nginx_refuses_bodies_over_the_apps_own_limit(tmp_path):
    limit = size_in_bytes(directive(rendered(tmp_path), "client_max_body_size"))
    assert limit == settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_gunicorn_times_a_worker_out_before_nginx_gives_up_on_it(tmp_path):
    gunicorn = runpy.run_path(str(BASE_DIR / "rolefit" / "gunicorn.conf.py"))
    read_timeout = int(directive(rendered(tmp_path), "proxy_read_timeout").removesuffix("s"))
    assert gunicorn["timeout"] < read_timeout
    assert gunicorn["worker_class"] == "sync"


def test_gunicorns_header_limits_are_above_nginxs(tmp_path):
    gunicorn = runpy.run_path(str(BASE_DIR / "rolefit" / "gunicorn.conf.py"))
    count, size = directive(rendered(tmp_path), "large_client_header_buffers").split()
    assert gunicorn["limit_request_line"] >= size_in_bytes(size)
    assert gunicorn["limit_request_fields"] * 5 >= int(count) * size_in_bytes(size)


def test_the_rendered_configuration_passes_nginxs_own_check(tmp_path):
    try:
        nginx = nginx_program()
    except ServeError as missing:
        pytest.skip(str(missing))
    (tmp_path / "nginx.conf").write_text(rendered(tmp_path))
    check = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-e", "stderr", "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


def test_the_image_configuration_leaves_listen_and_replicas_to_files_of_their_own(tmp_path):
    write_image_conf(tmp_path)
    conf = (tmp_path / "nginx.conf").read_text()
    assert "include /etc/nginx/rolefit/listen.conf;" in conf
    assert "include /etc/nginx/rolefit/upstream.conf;" in conf
    assert (tmp_path / "upstream.conf").read_text().split() == [
        "server", "app-1:8000;", "server", "app-2:8000;",
    ]  # fmt: skip


def test_each_base_build_gets_a_database_of_its_own():
    url = "postgres://postgres@127.0.0.1:5432/rolefit"
    first, second = BaseBuild("HEAD"), BaseBuild("HEAD~1")
    assert first.database_url(url) != second.database_url(url)
    assert first.database_url(url).startswith("postgres://postgres@127.0.0.1:5432/rolefit_base_")


def test_a_bench_variant_names_its_settings():
    assert parse_variant("gthread:GUNICORN_WORKER_CLASS=gthread,GUNICORN_THREADS=4") == (
        "this, gthread",
        {"GUNICORN_WORKER_CLASS": "gthread", "GUNICORN_THREADS": "4"},
    )
    with pytest.raises(SystemExit):
        parse_variant("no-settings-here=1")
