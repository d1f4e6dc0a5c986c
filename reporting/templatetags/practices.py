"""Published good practices on other apps' pages (organisations, measures), without those
apps importing reporting."""

from django import template

from reporting.models import GoodPractice

register = template.Library()


@register.simple_tag
def practices_of_organisation(organisation):
    return list(
        GoodPractice.objects.published()
        .of_organisations([organisation])
        .prefetch_related("organisations", "measures")
    )


@register.simple_tag
def practices_for_measure(measure):
    return list(
        GoodPractice.objects.published()
        .filter(measures=measure)
        .prefetch_related("organisations", "measures")
    )
