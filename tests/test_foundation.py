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
