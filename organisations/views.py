from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from .forms import OrganisationFilterForm
from .models import Organisation

PAGE_SIZE = 25


@login_not_required
def organisation_list(request):
    """The directory of organisations: search, filters and pagination."""
    form = OrganisationFilterForm(request.GET)
    organisations = Organisation.objects.with_public_relations()
    if form.is_valid():
        organisations = form.filter(organisations)
    else:
        organisations = organisations.none()
    page = Paginator(organisations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/organisation_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@login_not_required
def organisation_detail(request, pk):
    """An organisation's public facts: kind, code, region, county, branch and mergers."""
    organisation = get_object_or_404(Organisation.objects.with_public_relations(), pk=pk)
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "merged_from": organisation.merged_from.all(),
            "county_municipalities": (
                organisation.county_municipalities.all()
                if organisation.kind == Organisation.Kind.WELLBEING_COUNTY
                else None
            ),
            "branch_agencies": (
                organisation.branch_agencies.all()
                if organisation.kind == Organisation.Kind.MINISTRY
                else None
            ),
        },
    )
