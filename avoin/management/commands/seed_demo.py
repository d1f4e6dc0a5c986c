from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations
from django.db import transaction
from django.db.models import Max

from avoin.demo import evaluation, people, practices, progress, round
from avoin.models import OutgoingMessage
from avoin.permissions import MINISTRY_TEAM_GROUP, WORKING_GROUP_GROUP
from commitments.models import Evaluation
from organisations.models import NominationRound
from reporting.models import GoodPractice, PeriodReport


class Command(BaseCommand):
    help = (
        "Create demo accounts, the 2024 nomination round, good practices, progress reports, "
        "feedback and the published 2025 mid-term evaluation (local development only). "
        "Running it again adds nothing."
    )

    @no_translations
    def handle(self, *args, **options):
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
            if not Evaluation.objects.published().exists():
                evaluation.feedback(team)
                mid_term = evaluation.mid_term(team)
                evaluation.version_2(team, mid_term)
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
