from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AvoinConfig(AppConfig):
    name = "avoin"
    verbose_name = _("Avoin")
