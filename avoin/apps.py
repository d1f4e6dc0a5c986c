from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class AvoinConfig(AppConfig):
    name = "avoin"
    verbose_name = _("Avoin")

    def ready(self):
        from avoin.collation import register_on_sqlite

        connection_created.connect(register_on_sqlite, dispatch_uid="avoin_nordic_collation")
