from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Reporting")

    def ready(self):
        from avoin.contributions import contribute
        from avoin.personal_data import retention_register, section_register

        from .personal_data import SECTIONS
        from .retention import FEEDBACK_COMMENTS
        from .sections import (
            action_progress,
            measure_activities,
            measure_practices,
            organisation_activities,
            organisation_practices,
            recommendation_practices,
            recommendation_progress,
        )

        contribute("organisation_detail", organisation_practices)
        contribute("organisation_detail", organisation_activities)
        contribute("measure_detail", measure_activities)
        contribute("measure_detail", measure_practices)
        contribute("recommendation_detail", recommendation_progress)
        contribute("recommendation_detail", recommendation_practices)
        contribute("action_detail", action_progress)
        for section in SECTIONS:
            section_register(section)
        retention_register(FEEDBACK_COMMENTS)
