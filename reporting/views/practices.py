from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from avoin.concurrency import StaleEdit, entries_over
from avoin.page_cache import public_content_condition
from avoin.pagination import paginate
from avoin.permissions import is_ministry_team, ministry_team_required
from avoin.workflow import REFUSED, carry_out
from organisations.access import may_edit, object_for
from organisations.models import Organisation
from reporting import open_data
from reporting.forms.practices import GoodPracticeForm, PracticeFilterForm, ReturnForm
from reporting.models import GoodPractice
from reporting.services import practices as services

PAGE_SIZE = 20
STALE_PRACTICE = gettext_lazy(
    "Someone else saved this practice while you were editing it; nothing of yours was saved. "
    "Your entries are still in the form: compare them with the practice's page and send again."
)


def _own_organisations(user):
    """An editor's organisations, offered first on the intake form (the team may pick any)."""
    return [] if is_ministry_team(user) else list(Organisation.objects.editable_by(user))


def _library(request, practices, template):
    form = PracticeFilterForm(request.GET)
    practices = form.filter(practices) if form.is_valid() else practices.none()
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
    practice = object_for(
        request,
        GoodPractice.objects.prefetch_related(
            "organisations", "measures", "recommendations__measure", "themes", "work_areas"
        ),
        pk=pk,
    )
    return render(
        request,
        "reporting/practice_detail.html",
        {
            "practice": practice,
            "can_edit": may_edit(request.user, practice),
            "is_ministry_team": is_ministry_team(request.user),
        },
    )


def practice_mine(request):
    """The practices of the user's organisations, in every status, a page at a time."""
    mine = Organisation.objects.filter(memberships__user=request.user)
    practices = (
        GoodPractice.objects.visible_to(request.user, published=False)
        .of_organisations(mine)
        .prefetch_related("organisations")
        .order_by("-updated_at")
    )
    page, query = paginate(request, practices, PAGE_SIZE)
    return render(
        request,
        "reporting/practice_mine.html",
        {
            "page": page,
            "query": query,
            "practices": page.object_list,
            "can_create": Organisation.objects.editable_by(request.user).exists(),
        },
    )


def practice_create(request):
    """Log a new good practice; it is saved as a draft."""
    own = _own_organisations(request.user)
    ministry = is_ministry_team(request.user)
    if not own and not ministry:
        raise PermissionDenied
    form = GoodPracticeForm(request.POST or None, own_organisations=own, is_ministry_team=ministry)
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
    practice = object_for(request, GoodPractice.objects, pk=pk, edit=True)
    if not practice.is_editable:
        messages.error(request, _("Only drafts and returned practices can be edited."))
        return redirect(practice)
    form = _practice_form(request, request.POST or None, practice)
    if form.is_valid():
        try:
            form.save()
        except StaleEdit:
            messages.error(request, STALE_PRACTICE)
            practice.refresh_from_db()
            form = _practice_form(request, entries_over(form, practice.version), practice)
        else:
            messages.success(request, _("The practice was saved."))
            return redirect(practice)
    return render(request, "reporting/practice_form.html", {"form": form, "practice": practice})


def _practice_form(request, data, practice):
    return GoodPracticeForm(
        data,
        instance=practice,
        own_organisations=_own_organisations(request.user),
        is_ministry_team=is_ministry_team(request.user),
    )


@require_POST
def practice_submit(request, pk):
    """Send the practice to the Open Government Team for review."""
    practice = object_for(request, GoodPractice.objects, pk=pk, edit=True)
    carry_out(
        request,
        lambda: services.good_practice_submit(practice=practice, by=request.user),
        done=_(
            "Thank you! The practice was submitted for review. The Open Government Team "
            "reads it and either publishes it or returns it to you with a note; you get an "
            "email either way. Until then it is not shown to the public."
        ),
    )
    return redirect(practice)


@ministry_team_required
def moderation_queue(request):
    """Submitted practices waiting for the ministry team, oldest first, a page at a time."""
    practices = (
        GoodPractice.objects.visible_to(request.user)
        .submitted()
        .prefetch_related("organisations")
        .order_by("submitted_at", "pk")
    )
    page, query = paginate(request, practices, PAGE_SIZE)
    return render(
        request,
        "reporting/moderation_queue.html",
        {"page": page, "query": query, "practices": page.object_list},
    )


MODERATION_ACTIONS = {
    "publish": (services.good_practice_publish, gettext_lazy("The practice was published.")),
    "return": (
        services.good_practice_return,
        gettext_lazy("The practice was returned to its submitter."),
    ),
    "withdraw": (
        services.good_practice_withdraw,
        gettext_lazy("The practice was withdrawn from the public pages."),
    ),
}


@ministry_team_required
def practice_moderate(request, pk):
    """Publish, return with a note, or withdraw a practice; possible duplicates are shown."""
    practice = object_for(request, GoodPractice.objects.prefetch_related("organisations"), pk=pk)
    action = request.POST.get("action")
    return_form = ReturnForm(request.POST if action == "return" else None)
    if request.method == "POST":
        if action not in MODERATION_ACTIONS:
            messages.error(request, _("Unknown action."))
        elif action != "return" or return_form.is_valid():
            service, done = MODERATION_ACTIONS[action]
            note = {"note": return_form.cleaned_data["note"]} if action == "return" else {}
            outcome = carry_out(
                request, lambda: service(practice=practice, by=request.user, **note), done=done
            )
            if outcome is not REFUSED:
                return redirect(practice if action == "withdraw" else "reporting:moderation_queue")
    history = practice.history.select_related("history_user").order_by("-history_date")[:20]
    return render(
        request,
        "reporting/practice_moderate.html",
        {
            "practice": practice,
            "return_form": return_form,
            "duplicates": services.possible_duplicates(practice),
            "history": history,
        },
    )


@login_not_required
@public_content_condition
def practice_open_data(request, file_format):
    """Published practices as open data (CSV or JSON); the schema is in docs/."""
    # Every practice's address is the same but for its number: reversed once.
    head, tail = request.build_absolute_uri(reverse("reporting:practice_detail", args=[0])).rsplit(
        "/0/", 1
    )
    records = open_data.practice_records(
        GoodPractice.objects.published(), url_of=lambda pk: f"{head}/{pk}/{tail}"
    )
    return open_data.open_data_response(records, file_format)
