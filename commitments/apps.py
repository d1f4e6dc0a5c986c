from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommitmentsConfig(AppConfig):
    name = "commitments"
    verbose_name = _("Programme")

    def ready(self):
        from avoin.contributions import contribute

        from .sections import organisation_asks

        contribute("organisation_detail", organisation_asks)
