"""The working group's meetings: the team schedules and records them (agenda, minutes,
decisions, action items) and prepares and freezes the pack; the working group reads them."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from avoin.exports import workbook_response
from avoin.formats import finnish_date
from avoin.permissions import is_ministry_team, ministry_team_required, working_group_required
from avoin.workflow import carry_out
from reporting.forms.meetings import ActionItemForm, DecisionForm, MeetingForm
from reporting.models import ActionItem, Decision, Meeting
from reporting.pack import pack_build, pack_live
from reporting.presenters.pack import compared, pack_tables, sections
from reporting.services import meetings as services

CONCERNS = ("measure", "action")


def _meetings():
    return Meeting.objects.select_related("period")


@working_group_required
def meeting_list(request):
    """Upcoming and past working-group meetings."""
    today = timezone.localdate()
    context = {
        "upcoming": _meetings().upcoming(today),
        "past": _meetings().past(today),
        "can_edit": is_ministry_team(request.user),
    }
    return render(request, "reporting/meetings/meeting_list.html", context)


@ministry_team_required
def meeting_create(request):
    """Schedule a meeting."""
    return _meeting_form(request, Meeting())


@ministry_team_required
def meeting_update(request, pk):
    """Change a meeting's date, place, period, agenda or minutes."""
    return _meeting_form(request, get_object_or_404(Meeting, pk=pk))


def _meeting_form(request, meeting):
    form = MeetingForm(request.POST or None, instance=meeting)
    if form.is_valid():
        meeting = form.save()
        messages.success(request, _("The meeting was saved."))
        return redirect(meeting)
    return render(request, "reporting/meetings/meeting_form.html", {"form": form})


@working_group_required
def meeting_detail(request, pk):
    """A meeting: when and where, agenda, minutes, decisions, action items (its own and those
    carried over from earlier meetings) and its pack."""
    items = ActionItem.objects.select_related(*CONCERNS)
    meeting = get_object_or_404(
        _meetings().prefetch_related(
            Prefetch("decisions", queryset=Decision.objects.select_related(*CONCERNS)),
            Prefetch("action_items", queryset=items),
        ),
        pk=pk,
    )
    context = {
        "meeting": meeting,
        "carried_over": items.carried_to(meeting).select_related("meeting"),
        "can_edit": is_ministry_team(request.user),
    }
    return render(request, "reporting/meetings/meeting_detail.html", context)


@ministry_team_required
def decision_create(request, pk):
    """Record a decision of the meeting."""
    meeting = get_object_or_404(Meeting, pk=pk)
    return _item_form(request, meeting, DecisionForm, Decision(meeting=meeting))


@ministry_team_required
def decision_update(request, pk, item_pk):
    """Correct a decision."""
    decision = get_object_or_404(Decision.objects.select_related("meeting"), meeting=pk, pk=item_pk)
    return _item_form(request, decision.meeting, DecisionForm, decision)


@ministry_team_required
def action_item_create(request, pk):
    """Record an action item of the meeting."""
    meeting = get_object_or_404(Meeting, pk=pk)
    return _item_form(request, meeting, ActionItemForm, ActionItem(meeting=meeting))


@ministry_team_required
def action_item_update(request, pk, item_pk):
    """Change an action item: its status above all."""
    item = get_object_or_404(ActionItem.objects.select_related("meeting"), meeting=pk, pk=item_pk)
    return _item_form(request, item.meeting, ActionItemForm, item)


def _item_form(request, meeting, form_class, instance):
    form = form_class(request.POST or None, instance=instance)
    if form.is_valid():
        form.save()
        messages.success(request, _("Saved."))
        return redirect(meeting)
    context = {"meeting": meeting, "form": form, "item": instance}
    template = (
        "reporting/meetings/decision_form.html"
        if form_class is DecisionForm
        else "reporting/meetings/action_item_form.html"
    )
    return render(request, template, context)


def _pack(request, meeting, *, every_row=False):
    """(sections, live): the frozen pack, or the live records (compared with the frozen pack
    when there is one) when the meeting has none or `?live=1` asks for them; the live records
    with the latest rows of each growing section, or `every_row` for the workbook."""
    live = not meeting.is_frozen or request.GET.get("live") == "1"
    if not live:
        return sections(meeting.pack), False
    pack = pack_build(meeting, limit=None) if every_row else pack_live(meeting)
    return (compared(pack, meeting.pack) if meeting.is_frozen else sections(pack)), True


@working_group_required
def meeting_pack(request, pk):
    """The meeting's pack: what changed since the last meeting, frozen once finalised; the
    live figures a click away, with the differences marked."""
    meeting = get_object_or_404(_meetings().select_related("pack_frozen_by"), pk=pk)
    pack_sections, live = _pack(request, meeting)
    context = {
        "meeting": meeting,
        "sections": pack_sections,
        "live": live,
        "differences": sum(section.changes for section in pack_sections)
        if live and meeting.is_frozen
        else 0,
        "can_edit": is_ministry_team(request.user),
    }
    return render(request, "reporting/meetings/meeting_pack.html", context)


@working_group_required
def meeting_pack_download(request, pk):
    """The pack as a workbook, one sheet per section."""
    meeting = get_object_or_404(_meetings(), pk=pk)
    pack_sections, live = _pack(request, meeting, every_row=True)
    preamble = [
        (_("Meeting"), meeting.title),
        (_("Period reviewed"), str(meeting.period)),
        (
            _("Figures"),
            _("live, %(date)s") % {"date": finnish_date(timezone.now(), "minute")}
            if live
            else _("finalised %(date)s") % {"date": finnish_date(meeting.pack_frozen_at, "minute")},
        ),
    ]
    filename = f"pack-{meeting.held_on.isoformat()}" + ("-live" if live else "")
    return workbook_response(pack_tables(pack_sections, preamble), filename=filename)


@ministry_team_required
@require_POST
def meeting_pack_freeze(request, pk):
    """Finalise the pack: from now on the meeting keeps it as it is."""
    meeting = get_object_or_404(Meeting, pk=pk)
    carry_out(
        request,
        lambda: services.meeting_pack_freeze(meeting=meeting, by=request.user),
        done=_("The pack was finalised. It stays as it is now; the live figures are a click away."),
    )
    return redirect("reporting:meeting_pack", meeting.pk)
