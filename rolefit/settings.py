"""RoleFit settings: one module, configured by environment variables (see .env.example)."""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    normalized = value.strip().lower()
    if normalized in {"1", "true", "yes", "on"}:
        return True
    if normalized in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set: it is required when DJANGO_DEBUG is off "
            "(set DJANGO_SECRET_KEY, or DJANGO_DEBUG=1 for development)."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    # The admin with RoleFit's site (name, grouped index, input checked first):
    # careers/editors/site.py.
    "careers.editors.site.RoleFitAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "reversion",
    "careers",
    "careers.history",
    # Sets the Editors group's permissions after every migrate (careers/editors/group.py).
    "careers.editors",
]

MIDDLEWARE = [
    # Sets up the database time limits of a serving process, then steps out of the chain.
    "rolefit.middleware.WebQueryTimeLimitsMiddleware",
    "rolefit.middleware.RequestIdMiddleware",
    "rolefit.middleware.HealthCheckMiddleware",
    # Before anything reads the host: a port that is not the server's is dropped, so
    # page keys and canonical links name the configured host.
    "rolefit.middleware.CanonicalHostMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "rolefit.middleware.SecurityHeadersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Below the header-setting middleware, so refused requests get the same headers.
    "rolefit.middleware.ClientErrorMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache, so a cached page's request also publishes scheduled drafts.
    "careers.editors.middleware.ScheduledPublishingMiddleware",
    # Below the header-setting middleware, so cached pages get fresh security headers;
    # above sessions and CSRF, so a cache hit costs one cache lookup and nothing else.
    "rolefit.caching.pages.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Needs the user; shows a draft to staff, in a transaction it rolls back.
    "careers.editors.middleware.PreviewMiddleware",
    # Last, so a locked-out login is answered before the view runs.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "rolefit.urls"
WSGI_APPLICATION = "rolefit.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "rolefit.context_processors.site",
                "careers.editors.middleware.preview_banner",
            ],
            # {% copy "key" %} on every page without a {% load %}.
            "builtins": ["careers.content.page_copy"],
        },
    },
]

# --- Database -----------------------------------------------------------------------
# `make run` / `make test` set DATABASE_URL to the embedded server when it is unset.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    raise ImproperlyConfigured(
        "DATABASE_URL is not set. Use `make run` / `make test` (they start an embedded "
        "PostgreSQL), or set DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/NAME."
    )
DATABASES = {
    # Persistent connections, checked before reuse, so a request pays no connection set-up
    # and a server restart costs one retry, not an error. Where a request's first query is
    # a read wrapped in rolefit.db.first_query_checks_connection, that read is the check;
    # elsewhere Django's own health check still runs.
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
DATABASES["default"].setdefault("OPTIONS", {})
# Fail fast when the database is down, so /healthz and pages answer 503 within 2 seconds.
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 2)

# Time limits on every query a web request makes (docs/operations.md): a table lock or a
# runaway query costs a visitor the designed 503 page, not a worker. Management commands
# and migrations run unlimited: the limits are set on connections opened by a process
# that serves requests (rolefit.middleware.WebQueryTimeLimitsMiddleware). 0 turns one off.
# gunicorn's worker timeout (rolefit/gunicorn.conf.py) must stay above the statement limit.
DATABASE_STATEMENT_TIMEOUT_MS = env_int("DATABASE_STATEMENT_TIMEOUT_MS", 5000)
DATABASE_LOCK_TIMEOUT_MS = env_int("DATABASE_LOCK_TIMEOUT_MS", 2000)
# /healthz's own query: it answers within a second whatever the database is doing.
HEALTHZ_QUERY_TIMEOUT_MS = 500

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------------
# Shared by every worker and every machine: pages and rate-limit counters. Never a single
# point of failure: when it fails, pages render uncached and rate limits let requests
# through (docs/operations.md); the content version lives in PostgreSQL.
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url: str) -> dict:
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "rolefit",
        "TIMEOUT": 60 * 60 * 24,
        # A Redis that hangs costs a request a quarter of a second, once: the process
        # then leaves it alone for a second (rolefit.caching.shared_cache).
        "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {
        "default": {
            "BACKEND": "rolefit.caching.database_cache.DatabaseCache",
            "LOCATION": "rolefit_cache",
            "TIMEOUT": 60 * 60 * 24,
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# --- Auth and admin -------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Where the password link `add_editor` prints ends up: the admin's login page.
LOGIN_URL = "admin:login"
# Where signing in and out lead when the form names no `next` page, or names one Django
# refuses as unsafe (another site): the admin's index, and its login page again.
LOGIN_REDIRECT_URL = "admin:index"
LOGOUT_REDIRECT_URL = "admin:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Five failed logins for one username from one address lock that pair for 15 minutes;
# the state lives in the database, so every worker enforces it.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "rolefit.ratelimit.client_address"
AXES_VERBOSE = False

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
# English only: no translation machinery on every variable and URL (measurably faster).
USE_I18N = False
USE_TZ = True

# --- Static files ---------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "rolefit.caching.static.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 60 * 60  # unhashed files; hashed ones are cached "forever"
# Files served at the site's root, where browsers look without being told (favicon.ico).
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
ROOT_FILES_MAX_AGE = 60 * 60 * 24 * 7  # favicon.ico cannot be hashed: a week


def root_file_headers(headers, path: str, url: str) -> None:
    if "/" not in url.lstrip("/"):
        headers["Cache-Control"] = f"public, max-age={ROOT_FILES_MAX_AGE}"


WHITENOISE_ADD_HEADERS_FUNCTION = root_file_headers

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security ------------------------------------------------------------------------
# DJANGO_HTTPS: the site is reached over HTTPS through a TLS proxy (default when debug
# is off). DJANGO_HTTPS=0 previews production mode over plain HTTP.
HTTPS = env_flag("DJANGO_HTTPS", not DEBUG)
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "rolefit.views.csrf_failure"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")
# A request body larger than this is refused with 400 (the assessment posts ~2 KB).
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# --- Site behaviour -----------------------------------------------------------------
SITE_NAME = "RoleFit"
# Where visitors report a mistake (the About page); unset, the page says what to send
# without an address.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "").strip()
if CONTACT_EMAIL and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", CONTACT_EMAIL):
    raise ImproperlyConfigured(f"CONTACT_EMAIL is not an e-mail address: {CONTACT_EMAIL!r}")
# Whole-page cache of shared pages (see rolefit/caching/); off in development so
# template edits show at once.
PAGE_CACHE_ENABLED = env_flag("PAGE_CACHE", not DEBUG)
# Each worker hears of a new content version from PostgreSQL (LISTEN/NOTIFY, a thread
# per worker) instead of reading it on every request (rolefit/caching/version.py).
CONTENT_VERSION_LISTENER = env_flag("CONTENT_VERSION_LISTENER", not DEBUG)
PAGE_CACHE_LOCAL_ENTRIES = 500  # pages each worker also keeps in memory (about 15 KB each)
# ...and this many bytes of them: content at its limits makes pages of up to 700 KB, so a
# count alone would not bound a worker's memory (scripts/content_memory.py measures it).
PAGE_CACHE_LOCAL_BYTES = 16 * 1024 * 1024
# Trusted proxies in front of gunicorn that append to X-Forwarded-For (0: none; the
# client address is REMOTE_ADDR). Used by the login lockout and the rate limit.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
# Assessment submissions allowed per client address per minute (a person never meets it).
ASSESSMENT_RATE_LIMIT_PER_MINUTE = env_int("ASSESSMENT_RATE_LIMIT_PER_MINUTE", 30)
# Feedback and delete POSTs on result links, per client address per minute, together.
RESULT_LINK_RATE_LIMIT_PER_MINUTE = env_int("RESULT_LINK_RATE_LIMIT_PER_MINUTE", 30)

# --- Logging ------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "rolefit.logging.RequestIdFilter"}},
    "formatters": {"json": {"()": "rolefit.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "rolefit": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "careers": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
