from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save
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
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_public_content_changed, dispatch_uid=f"avoin_content_{id(signal)}")
        security_signals.connect()
        section_register(ACCOUNT)
        section_register(SIGN_INS)
        retention_register(SIGN_IN_RECORDS)


# The apps whose records public pages and open data show: a change to any of their records
# gives the anonymous-page cache a new content version (docs/adr/0041).
PUBLIC_CONTENT_APPS = {"organisations", "commitments", "reporting"}


def _public_content_changed(sender, **kwargs):
    from avoin.page_cache import content_changed

    if sender._meta.app_label in PUBLIC_CONTENT_APPS:
        content_changed()
