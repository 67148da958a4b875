import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

TLS_SETTINGS = dict(
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SECURE_SSL_REDIRECT=True,
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)


def csp_directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in header.split(";")
        if part.strip()
    }


def test_public_page_sends_every_security_header(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert len(response["X-Request-ID"]) == 32


def test_content_security_policy_is_strict(client):
    directives = csp_directives(client.get("/"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in str(directives) and "unsafe-eval" not in str(directives)


def test_admin_login_page_is_under_the_same_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert csp_directives(response)["script-src"] == "'self'"


@override_settings(**TLS_SETTINGS)
def test_behind_tls_the_site_sends_hsts_and_secure_cookies():
    client = Client()
    response = client.get("/admin/login/", headers={"x-forwarded-proto": "https"})
    assert response.status_code == 200
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    csrf_cookie = response.cookies["csrftoken"]
    assert csrf_cookie["secure"] is True
    assert csrf_cookie["samesite"] == "Lax"


@override_settings(**TLS_SETTINGS)
def test_behind_tls_plain_http_is_redirected_but_health_checks_are_not():
    client = Client()
    assert client.get("/").status_code == 301
    health = client.get("/healthz")
    assert health.status_code == 200


def test_health_check_answers_probes_by_any_host_name():
    client = Client(raise_request_exception=False)
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_session_cookie_is_http_only_after_login(client, django_user_model):
    django_user_model.objects.create_user("editor", password="a long good password", is_staff=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "editor", "password": "a long good password"},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"


class TestAdminLockout:
    PASSWORD = "the right password 42"

    @pytest.fixture
    def editor(self, django_user_model):
        return django_user_model.objects.create_user(
            "lockme", password=self.PASSWORD, is_staff=True
        )

    def login(self, client, password, address="198.51.100.7"):
        return client.post(
            "/admin/login/?next=/admin/",
            {"username": "lockme", "password": password},
            REMOTE_ADDR=address,
        )

    def test_five_failures_lock_the_account_even_for_the_right_password(self, client, editor):
        for _ in range(4):
            response = self.login(client, "wrong")
            assert response.status_code == 200  # the form again, with an error
        locked = self.login(client, "wrong")
        assert locked.status_code == 429
        assert b"locked for 15 minutes" in locked.content
        refused = self.login(client, self.PASSWORD)
        assert refused.status_code == 429
        assert "_auth_user_id" not in client.session

    def test_lockout_is_per_address(self, client, editor):
        for _ in range(5):
            self.login(client, "wrong")
        other = self.login(Client(), self.PASSWORD, address="203.0.113.99")
        assert other.status_code == 302

    def test_lockout_lifts_after_the_cool_off(self, client, editor):
        from axes.models import AccessAttempt

        for _ in range(5):
            self.login(client, "wrong")
        assert self.login(client, self.PASSWORD).status_code == 429
        # 16 minutes later: the failures have expired.
        import datetime

        from django.utils import timezone

        past = timezone.now() - datetime.timedelta(minutes=16)
        AccessAttempt.objects.update(attempt_time=past)
        from axes.models import AccessAttemptExpiration

        AccessAttemptExpiration.objects.update(expires_at=past)
        assert self.login(client, self.PASSWORD).status_code == 302
