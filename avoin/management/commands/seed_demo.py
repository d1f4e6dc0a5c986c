from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from django.db.models import Max

from avoin.demo import evaluation, meetings, people, practices, progress, round
from avoin.demo.scale import ScaleMismatch, scale_demo
from avoin.models import OutgoingMessage
from avoin.page_cache import content_changed
from avoin.permissions import MINISTRY_TEAM_GROUP, WORKING_GROUP_GROUP
from commitments.models import Evaluation
from organisations.models import NominationRound
from reporting.models import GoodPractice, Meeting, PeriodReport


class Command(BaseCommand):
    help = (
        "Create demo accounts, the 2024 nomination round, good practices, progress reports, "
        "working-group meetings, feedback and the published 2025 mid-term evaluation (local "
        "development only). Running it again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help=(
                "Also grow the data to N times a national volume (1 000 x N published good "
                "practices, reports for every period so far, activities, contact persons, rounds; "
                "avoin/demo/scale.py). Running again with the same N adds nothing."
            ),
        )

    @no_translations
    def handle(self, *args, scale=0, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo creates accounts with a known password: DEBUG only.")
        with transaction.atomic():
            team = people.user("ministerio", MINISTRY_TEAM_GROUP, superuser=True)
            people.user("tyoryhma", WORKING_GROUP_GROUP)
            agencies = round.agencies()
            if not NominationRound.objects.filter(title_fi=round.ROUND_TITLE).exists():
                # The past is replayed through the services; its emails are then recorded as
                # delivered back then (or bounced), so that the worker sends none of them.
                replayed_after = OutgoingMessage.objects.aggregate(last=Max("pk"))["last"] or 0
                round.round_2024(team, agencies)
                round.delivered_in_2024(OutgoingMessage.objects.filter(pk__gt=replayed_after))
            members = people.municipal_members()
            if not GoodPractice.objects.exists():
                practices.practices(team, members)
            if not PeriodReport.objects.exists():
                replayed_after = OutgoingMessage.objects.aggregate(last=Max("pk"))["last"] or 0
                progress.progress_replay(team, members)
                # Reports of the past were acknowledged back then: nothing of it is mailed now.
                progress.delivered_then(OutgoingMessage.objects.filter(pk__gt=replayed_after))
            if not Meeting.objects.exists():
                meetings.meetings(team)
            if not Evaluation.objects.published().exists():
                evaluation.feedback(team)
                mid_term = evaluation.mid_term(team)
                evaluation.version_2(team, mid_term)
            if scale < 0:
                raise CommandError("--scale is a positive number of times the national volume.")
            if scale:
                try:
                    grown = scale_demo(scale, team)
                except ScaleMismatch:
                    raise CommandError(
                        "This database holds the scaled demo at another scale; use a fresh "
                        "database for each scale."
                    ) from None
                self.stdout.write(
                    f"Scale {scale}: " + ("created." if grown else "already there, nothing added.")
                )
        content_changed()  # bulk loads send no signals: pages and open data are new
        self.stdout.write(
            self.style.SUCCESS(
                "\nDemo data ready. Sign in at "
                f"{settings.SITE_URL}/fi/accounts/login/\n"
                f"  Ministry team:  username 'ministerio', password '{people.DEMO_PASSWORD}'\n"
                f"  Working group:  username 'tyoryhma', password '{people.DEMO_PASSWORD}'\n"
                "  Organisation members sign in with an emailed link: choose 'Email me a "
                "sign-in link' and give\n"
                "    liaison@traficom.example.invalid (editor, Traficom)\n"
                "    liaison@vero.example.invalid (editor, Verohallinto)\n"
                "    viewer@tilastokeskus.example.invalid (viewer, Tilastokeskus)\n"
                "    osallisuus@espoo.example.invalid (editor, Espoo: good practices, reports)\n"
                "    delaktighet@vasa.example.invalid (editor, Vaasa: good practices, reports)\n"
                "  The email, with the link, is printed in this console.\n"
            )
        )
