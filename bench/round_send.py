"""How long the ministry waits when it sends a round to 500 organisations (`make bench`).

Creates a throw-away test database (SQLite, or PostgreSQL with DATABASE_URL), 500 organisations
with a registry address and a representative each (1,000 messages), and times the POST of
"Send the round" as the ministry team's browser would make it: the requests, accounts,
memberships, 1,000 outbox rows and 1,000 delivery jobs, in one transaction, with no SMTP work.
Then it times the worker sending them to the locmem backend. Timing is printed, never asserted:
the suite asserts the query count and the absence of SMTP work instead (tests/test_outbox.py).
"""

import logging
import os
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "avoin.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

ORGANISATIONS = int(os.environ.get("BENCH_ORGANISATIONS", "500"))
ROUNDS = 3  # the first round to an organisation, then rounds to organisations asked before


def main():
    logging.disable(logging.INFO)  # sign-in and job lines
    warnings.filterwarnings("ignore", message="No directory at")
    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_SSL_REDIRECT = False
    settings.RATELIMIT_ENABLE = False
    settings.STORAGES = {  # no collected static files here
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def run():
    from django.contrib.auth.models import Group
    from django.core import mail

    from avoin.models import OutgoingMessage
    from avoin.permissions import MINISTRY_TEAM_GROUP
    from organisations.models import ContactPerson, NominationRound, Organisation
    from tests.outbox import run_mail_worker

    User = django.contrib.auth.get_user_model()
    team = User.objects.create_user("bench-ministry", "bench@example.invalid")
    team.groups.add(Group.objects.get_or_create(name=MINISTRY_TEAM_GROUP)[0])
    organisations = Organisation.objects.bulk_create(
        Organisation(
            kind=Organisation.Kind.OTHER,
            name_fi=f"Vertailuorganisaatio {n}",
            email=f"kirjaamo{n}@bench.example.invalid",
        )
        for n in range(ORGANISATIONS)
    )
    ContactPerson.objects.bulk_create(
        ContactPerson(
            organisation=organisation,
            role=ContactPerson.Role.NETWORK_REPRESENTATIVE,
            name=f"Edustaja {n}",
            email=f"edustaja{n}@bench.example.invalid",
        )
        for n, organisation in enumerate(organisations)
    )
    client = Client()
    client.force_login(team)
    print(f"{connection.vendor}, DEBUG={settings.DEBUG}")
    for attempt in range(1, ROUNDS + 1):
        nomination_round = NominationRound.objects.create(
            title=f"Vertailu {attempt}",
            message="Vahvistakaa edustajanne.",
            deadline="2030-01-31",
            target_kinds=[Organisation.Kind.OTHER],
            created_by=team,
        )
        client.get(nomination_round.get_absolute_url())  # a running server has its code loaded
        url = f"/fi/organisations/nominations/{nomination_round.pk}/send/"
        queued = OutgoingMessage.objects.count()
        with CaptureQueriesContext(connection) as queries:
            started, cpu = time.perf_counter(), time.process_time()
            response = client.post(url)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        assert response.status_code == 302, response.status_code
        print(
            f"round {attempt}: sending to {ORGANISATIONS} organisations returned in "
            f"{elapsed:.2f} s ({cpu:.2f} s CPU in Django; {len(queries)} queries, "
            f"{OutgoingMessage.objects.count() - queued} messages queued, "
            f"{len(mail.outbox)} sent by SMTP)"
        )
    started = time.perf_counter()
    run_mail_worker()
    elapsed = time.perf_counter() - started
    print(
        f"the worker then sent {len(mail.outbox)} messages in {elapsed:.1f} s "
        "(locmem backend: no SMTP latency)"
    )


if __name__ == "__main__":
    main()
