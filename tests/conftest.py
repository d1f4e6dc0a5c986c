import logging

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from avoin.second_factor import needs_second_factor, verified_in_session
from avoin.security_log import JsonLines
from tests.factories import MinistryTeamUserFactory
from tests.scenes import PracticeScene, Scene


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the real reference data, loaded once per session."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", stdout=open("/dev/null", "w"))


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests hash many passwords; production keeps Django's default (PBKDF2)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _page_cache_only_where_tested(request, settings):
    """Pages are rendered afresh in every test except those about the anonymous-page cache
    (marked `page_cache`), which start from an empty cache."""
    if "page_cache" in request.keywords:
        cache.clear()
    else:
        settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _sessions_renewed_on_every_request(request, settings):
    """Query-count tests compare requests: in tests every signed-in request renews its
    session, so that each runs the same queries whenever it comes. Renewing at most once a
    minute (ADR 0048) is tested in tests/test_auth.py, marked `session_renewal`."""
    if "session_renewal" not in request.keywords:
        settings.SESSION_RENEW_SECONDS = 0


@pytest.fixture(autouse=True)
def _force_login_gives_both_factors(monkeypatch):
    """`client.force_login(user)` stands for a whole sign-in: for the team and staff, that
    includes the second factor (a confirmed authenticator, verified in the session). The
    second step itself is tested in tests/test_second_factor.py with real codes."""
    original = Client.force_login

    def force_login(client, user, backend=None):
        original(client, user, backend)
        if needs_second_factor(user):
            verified_in_session(client.session, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _finnish_by_default():
    """Tests start in the default language, whatever the previous test activated."""
    with translation.override("fi"):
        yield


@pytest.fixture
def anonymous_client():
    return Client()


@pytest.fixture
def ministry_user(db):
    return MinistryTeamUserFactory()


@pytest.fixture
def ministry_client(ministry_user):
    client = Client()
    client.force_login(ministry_user)
    return client


@pytest.fixture
def scene(db):
    """Two agencies of the real registry, their people, and an open round."""
    return Scene()


@pytest.fixture
def practice_scene(db):
    """Espoo's people and practices in every status, and people from elsewhere."""
    return PracticeScene()


@pytest.fixture
def mailoutbox(mailoutbox):
    """The mail sent so far: the outbox's ready jobs are run (as the worker would) at each look."""
    from tests.outbox import DeliveredMail

    return DeliveredMail()


@pytest.fixture
def clear_rate_limits():
    """Rate limits and lockouts live in the cache: each test starts from none."""
    cache.clear()
    yield
    cache.clear()


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.INFO)
        self.events = []

    def emit(self, record):
        self.events.append({**record.security, "_line": self.format(record)})


@pytest.fixture
def security_events():
    """The security log's events written during the test, each a dict of its fields, with the
    JSON line as written under `_line`."""
    handler = _Collect()
    handler.setFormatter(JsonLines())
    logger = logging.getLogger("avoin.security")
    logger.addHandler(handler)
    yield handler.events
    logger.removeHandler(handler)
