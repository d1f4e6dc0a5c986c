"""The public pages, named once for the page, access and browser tests."""

from django.urls import reverse
from django.utils import translation

from avoin.easy_language import EASY_LANGUAGES, PAGES
from commitments.models import Action, Measure, Recommendation
from organisations.models import Organisation
from reporting.models import GoodPractice

# Names of the URL patterns that the public may open (all in i18n_patterns).
PUBLIC_URL_NAMES = {
    "home",
    "accessibility",
    "privacy",
    "easy_language_fi",
    "easy_language_fi_topic",
    "easy_language_sv",
    "easy_language_sv_topic",
    "login",
    "commitments:programme_overview",
    "commitments:commitment_detail",
    "commitments:measure_detail",
    "commitments:action_detail",
    "commitments:recommendation_detail",
    "commitments:asked_of_us",
    "commitments:evaluation_list",
    "organisations:organisation_list",
    "organisations:organisation_detail",
    "reporting:progress_overview",
    "reporting:progress_open_data",
    "reporting:progress_open_data_statuses",
}


# Files for machines, outside the language prefix.
PUBLIC_FILE_URL_NAMES = {"security_txt", "robots_txt"}


def public_paths(language, *, every_object=False):
    """Paths of the public pages in one language; one object of each kind unless asked."""

    def first(queryset):
        return queryset if every_object else queryset[:1]

    with translation.override(language):
        paths = [
            reverse("home"),
            reverse("accessibility"),
            reverse("privacy"),
            reverse("login"),
            reverse("commitments:programme_overview"),
            reverse("commitments:evaluation_list"),
            reverse("commitments:plan_versions"),
            reverse("commitments:asked_of_us"),
            reverse("commitments:asked_of_us") + "?audience=municipalities",
            reverse("commitments:asked_of_us") + "?audience=wellbeing_counties",
            reverse("commitments:asked_of_us") + "?audience=state_administration",
            reverse("commitments:commitment_detail", args=[1]),
            reverse("organisations:organisation_list"),
            reverse("organisations:organisation_list") + "?q=Helsin&kind=municipality",
            reverse("organisations:organisation_list") + "?q=elinkeino&former=on",
            reverse("reporting:practice_list"),
            reverse("reporting:practice_list") + "?q=dialogi&language=fi&measure=1.1",
            reverse("reporting:practice_international"),
            reverse("reporting:progress_overview"),
        ]
        paths += [p.get_absolute_url() for p in first(GoodPractice.objects.published())]
        paths += [m.get_absolute_url() for m in first(Measure.objects.all())]
        paths += [a.get_absolute_url() for a in first(Action.objects.all())]
        paths += [r.get_absolute_url() for r in first(Recommendation.objects.all())]
        special = Organisation.objects.filter(
            kind__in=["municipality"], code__in=["091", "588", "507", "035"]
        )
        paths += [o.get_absolute_url() for o in special]
        reform = Organisation.objects.filter(  # an ended, split agency and a 2026 successor
            name_fi__in=[
                "Hämeen elinkeino-, liikenne- ja ympäristökeskus",
                "Lupa- ja valvontavirasto",
            ]
        )
        paths += [o.get_absolute_url() for o in reform]
        for kind in ["wellbeing_county", "ministry", "state_agency"]:
            paths.append(Organisation.objects.filter(kind=kind).first().get_absolute_url())
        if every_object:
            paths += [reverse("commitments:commitment_detail", args=[n]) for n in (2, 3)]
    # Easy Language pages exist in their own language only: selkokieli under /fi/, lättläst
    # under /sv/ (other prefixes redirect, see tests/test_easy_language.py).
    if language in EASY_LANGUAGES:
        paths += [page.url(language) for page in PAGES]
    return paths
