"""Avoin settings: one module, configured only through environment variables."""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

# --- Environment -----------------------------------------------------------------------------
# Every setting that differs between environments is read here, and only here.
env = environ.Env()
# A local .env file (`make run` writes one with DEBUG=on); real environment variables win.
environ.Env.read_env(env.str("ENV_FILE", default=str(BASE_DIR / ".env")), overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="" if not DEBUG else "insecure-local-development-key")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Seconds a worker keeps its database connection between requests (0: a new one per request).
CONN_MAX_AGE = env.int("CONN_MAX_AGE", default=0 if DEBUG else 600)
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
# Rate limits and lockouts must be shared by every worker: without DEBUG the database cache is
# the default (`manage.py createcachetable`); Redis where CACHE_URL names it.
CACHES = {
    "default": env.cache_url(
        "CACHE_URL", default="locmemcache://" if DEBUG else "dbcache://avoin_cache"
    )
}
# Seconds an anonymous reader's page stays in the cache (0: no page cache); any change to
# public content makes the next request render afresh (docs/adr/0041).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How many reverse proxies in front of Avoin add X-Forwarded-For (0: none, use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# ---------------------------------------------------------------------------------------------

if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=on for local development).")

# Persistent connections (docs/adr/0038): each worker reuses its connection, checked before
# the first query of a request, so a restarted database costs one reconnect, not an error.
DATABASES["default"].update(CONN_MAX_AGE=CONN_MAX_AGE, CONN_HEALTH_CHECKS=True)

vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = "Avoin <avoinhallinto@gov.fi>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# An SMTP relay that does not answer is a temporary failure, not a worker stuck for ever.
EMAIL_TIMEOUT = 20

# --- Mail outbox (docs/adr/0022) -------------------------------------------------------------
# Every message is a row in the outbox (avoin.OutgoingMessage), written in the transaction of
# the change that causes it; its delivery is a job in the same database, run by
# `manage.py db_worker --queue-name mail`. Same in every environment.
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail"]},
}
# Minutes to wait before each new attempt after a temporary SMTP failure; after the last one the
# message is marked failed. 1 + 7 attempts over about 22 hours.
MAIL_RETRY_DELAYS = [1, 5, 15, 60, 180, 360, 720]
# A message still "being sent" this many minutes after a worker took it was interrupted
# (the worker stopped mid-send): `requeue_interrupted_mail` puts it back in the queue.
MAIL_SENDING_TIMEOUT = 15

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "csp",
    "axes",
    "sesame",
    "simple_history",
    "django_ratelimit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "avoin",
    "organisations",
    "commitments",
    "reporting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "avoin.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "avoin.middleware.SessionLifetimeMiddleware",
    "avoin.middleware.PrivatePagesMiddleware",
    "avoin.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "avoin.urls"
WSGI_APPLICATION = "avoin.wsgi.application"

# No "loaders" option: Django then caches compiled templates in every worker (the cached
# loader), in production and, reloading on change, with DEBUG (tests/test_settings.py).
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "avoin.context_processors.site",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account_home"
LOGOUT_REDIRECT_URL = "home"

# --- Signing in ------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses locked-out (username, IP address) pairs.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",
]
# Ministry team passwords: 5 failures per (username, IP address) lock for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# A lockout ends 15 minutes after it began, however often someone keeps trying meanwhile.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "avoin.client.client_ip"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["password", "sesame"]
AXES_VERBOSE = False
# Organisation members: emailed sign-in links, valid 10 minutes, usable once.
SESAME_MAX_AGE = 10 * 60
SESAME_ONE_TIME = True
SESAME_TOKEN_NAME = "sesame"
# Sessions: end after 60 idle minutes and at most 12 hours. An active session is renewed
# (saved, its cookie sent again) at most once a minute, not on every request (ADR 0048).
SESSION_COOKIE_AGE = 60 * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_RENEW_SECONDS = 60
SESSION_MAX_LIFETIME = timedelta(hours=12)
# "Email me a sign-in link" and opening links: per email address, and per client address —
# sized for a whole office behind one address (a registry, a ministry's network).
SIGN_IN_LINK_RATE = "5/15m"
SIGN_IN_ADDRESS_RATE = "30/15m"
# Anonymous participation feedback: answers from one address (docs/adr/0043).
FEEDBACK_RATE = "20/h"
RATELIMIT_IP_META_KEY = "avoin.client.client_ip"
RATELIMIT_VIEW = "avoin.views.rate_limited"

# The team's and the admin's second factor (docs/adr/0031): the name authenticator apps show,
# and how long a wrong code makes the next try wait (1 s, doubling with each failure).
OTP_TOTP_ISSUER = "Avoin"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# --- Languages and time ----------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Helsinki"
USE_TZ = True

# --- Static files ----------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Security --------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "avoin.views.csrf_failure"
# A form's body (files aside) is at most 1 MiB and 1 000 fields: more is a translated 400.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
SILENCED_SYSTEM_CHECKS = [
    # HSTS preload is a commitment for the whole gov.fi domain; it is not ours to make.
    "security.W021",
]
if CACHES["default"]["BACKEND"].endswith("DatabaseCache") or DEBUG:
    # The database cache counts without atomic increments: two simultaneous requests may both
    # pass as the last one allowed. Shared by every worker it is still right (ADR 0010);
    # Redis (CACHE_URL) counts exactly. With DEBUG one local process uses memory.
    SILENCED_SYSTEM_CHECKS += ["django_ratelimit.E003", "django_ratelimit.W001"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "avoin.logging.RedactSignInTokens"}},
    "formatters": {"json_lines": {"()": "avoin.security_log.JsonLines"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
        # The security log (docs/operations.md): JSON lines on standard error, for a SIEM.
        "security": {
            "class": "logging.StreamHandler",
            "formatter": "json_lines",
            "filters": ["redact_tokens"],
        },
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        # runserver's request lines go through the same filter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "avoin.security": {"handlers": ["security"], "level": "INFO", "propagate": False},
    },
}
