from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class AvoinConfig(AppConfig):
    name = "avoin"
    verbose_name = _("Avoin")

    def ready(self):
        from avoin import security_signals
        from avoin.account_data import ACCOUNT, SIGN_IN_RECORDS, SIGN_INS
        from avoin.collation import register_on_sqlite
        from avoin.personal_data import retention_register, section_register

        connection_created.connect(register_on_sqlite, dispatch_uid="avoin_nordic_collation")
        security_signals.connect()
        section_register(ACCOUNT)
        section_register(SIGN_INS)
        retention_register(SIGN_IN_RECORDS)
