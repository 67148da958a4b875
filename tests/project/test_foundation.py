from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_home_page_says_what_rolefit_answers(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "AI pair programmer" in html
    assert "AI architect" in html
    assert 'href="#main"' in html  # skip link


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_without_stack_trace_when_the_database_fails(client):
    with mock.patch("rolefit.views.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert b"Traceback" not in response.content


def test_unknown_page_gets_the_designed_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content


def test_robots_txt_keeps_crawlers_out_of_admin_and_results(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Disallow: /assessment/results/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def raise_and_answer(exception, rf):
    from rolefit.views import server_error

    try:
        raise exception
    except Exception:
        return server_error(rf.get("/roles/"))


def test_an_unexpected_error_gets_the_designed_500_page(rf):
    response = raise_and_answer(ValueError("bug"), rf)
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"ValueError" not in response.content


def test_a_database_outage_gets_the_designed_503_page(rf):
    response = raise_and_answer(OperationalError("connection refused"), rf)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"briefly unavailable" in response.content


def test_request_errors_are_one_json_line_with_the_request_id_and_no_body(client, caplog):
    import json

    from rolefit.logging import JsonFormatter, RequestIdFilter

    with caplog.at_level("WARNING", logger="django.request"):
        response = client.post("/no-such-page/", {"answer": "my secret answer"})
    record = next(r for r in caplog.records if r.name == "django.request")
    RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["status"] == 404
    assert entry["path"] == "/no-such-page/"
    assert "my secret answer" not in line


def test_a_refused_host_logs_one_line_without_a_traceback(client, caplog):
    import json

    from rolefit.logging import JsonFormatter

    with caplog.at_level("WARNING"):
        response = client.get("/roles/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    lines = [JsonFormatter().format(r) for r in caplog.records]
    assert lines
    for line in lines:
        assert "\n" not in line
        assert "traceback" not in json.loads(line)
