import csv
import io
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from avoin.pagination import paginate
from avoin.permissions import (
    can_edit_practice,
    editable_organisations,
    is_ministry_team,
    ministry_team_required,
)
from organisations.models import Organisation

from .forms import GoodPracticeForm, PracticeFilterForm, ReturnForm
from .models import GoodPractice
from .services import (
    good_practice_publish,
    good_practice_return,
    good_practice_submit,
    good_practice_withdraw,
    possible_duplicates,
)

PAGE_SIZE = 20


def _own_organisations(user):
    """An editor's organisations, offered first on the intake form (the team may pick any)."""
    return [] if is_ministry_team(user) else list(editable_organisations(user))


def practice_for(request, pk, *, edit=False, queryset=None):
    """A practice the user may see (else 404) and, if asked, edit (else 403)."""
    practices = (queryset if queryset is not None else GoodPractice.objects.all()).visible_to(
        request.user, is_ministry_team=is_ministry_team(request.user)
    )
    practice = get_object_or_404(practices, pk=pk)
    if edit and not can_edit_practice(request.user, practice):
        raise PermissionDenied
    return practice


def _library(request, practices, template):
    form = PracticeFilterForm(request.GET)
    if form.is_valid():
        practices = form.filter(practices).search(form.cleaned_data["q"])
    else:
        practices = practices.none()
    page, query = paginate(request, practices.with_list_relations(), PAGE_SIZE)
    return render(request, template, {"form": form, "page": page, "query": query})


@login_not_required
def practice_list(request):
    """The public library of good practices: search and filters that combine."""
    return _library(request, GoodPractice.objects.published(), "reporting/practice_list.html")


@login_not_required
def practice_international(request):
    """The English section: published practices with English text, for international readers."""
    return _library(
        request,
        GoodPractice.objects.published().with_english(),
        "reporting/practice_international.html",
    )


@login_not_required
def practice_detail(request, pk):
    """One practice; unpublished ones only for their organisations and the ministry team."""
    practice = practice_for(
        request,
        pk,
        queryset=GoodPractice.objects.prefetch_related(
            "organisations", "measures", "recommendations__measure", "themes", "work_areas"
        ),
    )
    return render(
        request,
        "reporting/practice_detail.html",
        {
            "practice": practice,
            "can_edit": can_edit_practice(request.user, practice),
            "is_ministry_team": is_ministry_team(request.user),
        },
    )


def practice_mine(request):
    """The practices of the user's organisations, in every status."""
    organisations = Organisation.objects.filter(memberships__user=request.user)
    practices = (
        GoodPractice.objects.of_organisations(organisations)
        .prefetch_related("organisations")
        .order_by("-updated_at")
    )
    return render(
        request,
        "reporting/practice_mine.html",
        {
            "practices": practices,
            "can_create": editable_organisations(request.user).exists(),
        },
    )


def practice_create(request):
    """Log a new good practice; it is saved as a draft."""
    own = _own_organisations(request.user)
    ministry = is_ministry_team(request.user)
    if not own and not ministry:
        raise PermissionDenied
    form = GoodPracticeForm(
        request.POST or None, user=request.user, own_organisations=own, is_ministry_team=ministry
    )
    if form.is_valid():
        practice = form.save(commit=False)
        practice.created_by = request.user
        practice.save()
        form.save_m2m()
        messages.success(request, _("The practice was saved as a draft."))
        return redirect(practice)
    return render(request, "reporting/practice_form.html", {"form": form})


def practice_update(request, pk):
    """Edit a draft or returned practice."""
    practice = practice_for(request, pk, edit=True)
    if not practice.is_editable:
        messages.error(request, _("Only drafts and returned practices can be edited."))
        return redirect(practice)
    form = GoodPracticeForm(
        request.POST or None,
        instance=practice,
        user=request.user,
        own_organisations=_own_organisations(request.user),
        is_ministry_team=is_ministry_team(request.user),
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("The practice was saved."))
        return redirect(practice)
    return render(request, "reporting/practice_form.html", {"form": form, "practice": practice})


@require_POST
def practice_submit(request, pk):
    """Send the practice to the Open Government Team for review."""
    practice = practice_for(request, pk, edit=True)
    if not practice.is_editable:
        messages.error(request, _("Only drafts and returned practices can be submitted."))
    else:
        good_practice_submit(practice=practice, by=request.user)
        messages.success(request, _("The practice was submitted for review. Thank you!"))
    return redirect(practice)


@ministry_team_required
def moderation_queue(request):
    """Submitted practices waiting for the ministry team, oldest first."""
    practices = (
        GoodPractice.objects.filter(status=GoodPractice.Status.SUBMITTED)
        .prefetch_related("organisations")
        .order_by("submitted_at")
    )
    return render(request, "reporting/moderation_queue.html", {"practices": practices})


@ministry_team_required
def practice_moderate(request, pk):
    """Publish, return with a note, or withdraw a practice; possible duplicates are shown."""
    practice = get_object_or_404(GoodPractice.objects.prefetch_related("organisations"), pk=pk)
    return_form = ReturnForm(request.POST if request.POST.get("action") == "return" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "publish" and practice.status == GoodPractice.Status.SUBMITTED:
            good_practice_publish(practice=practice, by=request.user)
            messages.success(request, _("The practice was published."))
            return redirect("reporting:moderation_queue")
        if action == "return" and practice.status == GoodPractice.Status.SUBMITTED:
            if return_form.is_valid():
                good_practice_return(
                    practice=practice, by=request.user, note=return_form.cleaned_data["note"]
                )
                messages.success(request, _("The practice was returned to its submitter."))
                return redirect("reporting:moderation_queue")
        elif action == "withdraw" and practice.is_published:
            good_practice_withdraw(practice=practice, by=request.user)
            messages.success(request, _("The practice was withdrawn from the public pages."))
            return redirect(practice)
        elif action not in ("publish", "return", "withdraw"):
            messages.error(request, _("Unknown action."))
    history = practice.history.select_related("history_user").order_by("-history_date")[:20]
    return render(
        request,
        "reporting/practice_moderate.html",
        {
            "practice": practice,
            "return_form": return_form,
            "duplicates": possible_duplicates(practice),
            "history": history,
        },
    )


# --- Feed and open data -----------------------------------------------------------------------


class PublishedPracticesFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Avoin: good practices of open government")
    subtitle = gettext_lazy("Newly published good practices from Finnish public administration.")

    def link(self):
        from django.urls import reverse

        return reverse("reporting:practice_list")

    def items(self):
        return GoodPractice.objects.published().prefetch_related("organisations")[:50]

    def item_title(self, item):
        return item.shown_title

    def item_description(self, item):
        # Atom carries the summary as HTML: escape it so that typed markup stays text.
        return escape(item.shown_summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return ", ".join(organisation.name for organisation in item.organisations.all())


practice_feed = login_not_required(PublishedPracticesFeed())

OPEN_DATA_FIELDS = [
    "id",
    "url",
    "language",
    "title",
    "summary",
    "description",
    "title_fi",
    "summary_fi",
    "title_sv",
    "summary_sv",
    "title_en",
    "summary_en",
    "organisations",
    "organisation_kinds",
    "measures",
    "recommendations",
    "themes",
    "work_areas",
    "target_groups",
    "emphases",
    "links",
    "contact_email",
    "started_year",
    "published_at",
]


def open_data_records(request):
    practices = GoodPractice.objects.published().prefetch_related(
        "organisations", "measures", "recommendations", "themes", "work_areas"
    )
    for practice in practices.order_by("pk"):
        organisations = list(practice.organisations.all())
        yield {
            "id": practice.pk,
            "url": request.build_absolute_uri(practice.get_absolute_url()),
            "language": practice.language,
            "title": practice.title,
            "summary": practice.summary,
            "description": practice.description,
            "title_fi": practice.title_fi,
            "summary_fi": practice.summary_fi,
            "title_sv": practice.title_sv,
            "summary_sv": practice.summary_sv,
            "title_en": practice.title_en,
            "summary_en": practice.summary_en,
            "organisations": [o.name_fi for o in organisations],
            "organisation_kinds": sorted({o.kind for o in organisations}),
            "measures": [m.number for m in practice.measures.all()],
            "recommendations": [r.code for r in practice.recommendations.all()],
            "themes": [t.name_fi for t in practice.themes.all()],
            "work_areas": [w.number for w in practice.work_areas.all()],
            "target_groups": [g.value for g in practice.target_groups],
            "emphases": [e.value for e in practice.emphases],
            "links": practice.links,
            "contact_email": practice.contact_email,
            "started_year": practice.started_year,
            "published_at": practice.published_at.isoformat() if practice.published_at else None,
        }


@login_not_required
def practice_open_data(request, file_format):
    """Published practices as open data (CSV or JSON); the schema is in docs/."""
    if file_format not in ("csv", "json"):
        raise Http404
    records = list(open_data_records(request))
    if file_format == "json":
        response = HttpResponse(
            json.dumps({"practices": records}, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    else:
        from organisations.exports import neutralise

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(OPEN_DATA_FIELDS)
        for record in records:
            writer.writerow(
                [
                    neutralise("; ".join(map(str, value)) if isinstance(value, list) else value)
                    for value in (record[field] for field in OPEN_DATA_FIELDS)
                ]
            )
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'inline; filename="good-practices.{file_format}"'
    return response
