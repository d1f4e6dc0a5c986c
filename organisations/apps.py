from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Organisations")

    def ready(self):
        from avoin.links import account_rule_register
        from avoin.personal_data import retention_register, section_register

        from .personal_data import RETENTION_STEPS, SECTIONS
        from .services.nominations import REQUEST_RECIPIENT, request_recipient_account

        account_rule_register(REQUEST_RECIPIENT, request_recipient_account)
        for section in SECTIONS:
            section_register(section)
        for step in RETENTION_STEPS:
            retention_register(step)
