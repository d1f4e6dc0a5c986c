import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "off",
    "SECRET_KEY": "k7#Qz9!vR2@mW4$xT8^bN1&cY6*hJ3(pL5)sD0-fG-strong-production-key",
    "ALLOWED_HOSTS": "avoin.example.fi",
    "CSRF_TRUSTED_ORIGINS": "https://avoin.example.fi",
    "SITE_URL": "https://avoin.example.fi",
    "DATABASE_URL": "sqlite:///:memory:",
}


def manage(*args, env):
    inherited = set(PRODUCTION) | {"DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "ENV_FILE": os.devnull, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_is_off_by_default():
    env = {key: value for key, value in PRODUCTION.items() if key != "DEBUG"}
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = manage("shell", "--no-imports", "-c", code, env=env)
    assert result.stdout.strip() == "False", result.stderr


@pytest.mark.django_db
def test_security_headers_and_content_security_policy(anonymous_client):
    response = anonymous_client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    directives = dict(
        (part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip()
    )
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_production_settings_are_secure():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS > 0, "
        "s.SECURE_SSL_REDIRECT, s.TIME_ZONE, s.LANGUAGE_CODE)"
    )
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.stdout.split() == ["True", "True", "True", "True", "Europe/Helsinki", "fi"]


def test_production_keeps_connections_and_compiled_templates():
    """Each worker reuses its database connection (checked before use) and caches templates."""
    code = (
        "from django.conf import settings as s; from django.template import engines; "
        "db = s.DATABASES['default']; "
        "loaders = engines['django'].engine.template_loaders; "
        "print(db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'], type(loaders[0]).__module__)"
    )
    result = manage("shell", "--no-imports", "-c", code, env=PRODUCTION)
    assert result.stdout.split() == ["600", "True", "django.template.loaders.cached"], result.stderr


def cache_backend(**env):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = manage("shell", "--no-imports", "-c", code, env={**PRODUCTION, **env})
    return result.stdout.strip()


def test_every_worker_shares_one_cache_in_production():
    """Rate limits and lockouts counted per process would let many more attempts through."""
    assert cache_backend() == "django.core.cache.backends.db.DatabaseCache"
    redis = cache_backend(CACHE_URL="redis://127.0.0.1:6379/0")
    assert redis == "django.core.cache.backends.redis.RedisCache"


def test_make_run_serves_at_the_address_its_emails_link_to():
    """`PORT=8400 make run`: every manage.py command of `run` gets SITE_URL for that port."""
    dry_run = subprocess.run(
        ["make", "--dry-run", "--always-make", "run", "PORT=8400"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    commands = [line for line in dry_run.stdout.splitlines() if "manage.py" in line]
    assert any("runserver 127.0.0.1:8400" in line for line in commands), dry_run.stdout
    assert all("SITE_URL=http://127.0.0.1:8400" in line for line in commands)
