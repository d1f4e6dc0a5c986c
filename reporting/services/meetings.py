"""Working-group meetings: finalising a meeting's pack, which freezes it (docs/adr/0035)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from avoin.formats import finnish_date
from reporting.models import Meeting
from reporting.pack import pack_build


def meeting_pack_freeze(*, meeting: Meeting, by, now=None) -> Meeting:
    """Build the meeting's pack from the records now and keep it as it is: later corrections
    to the records change the live figures, never the pack the group saw. A pack is
    finalised once."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if locked.is_frozen:
            raise ValidationError(
                _("The pack was already finalised on %(date)s.")
                % {"date": finnish_date(locked.pack_frozen_at, "minute")},
                code="frozen",
            )
        locked.pack = pack_build(locked, now=now)
        locked.pack_frozen_at, locked.pack_frozen_by = now, by
        locked._history_user = by
        locked.save(update_fields=["pack", "pack_frozen_at", "pack_frozen_by", "updated_at"])
    meeting.refresh_from_db()
    return meeting
