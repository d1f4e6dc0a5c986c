import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

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
