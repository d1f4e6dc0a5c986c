"""A signed-in person's own data: what Avoin holds about them, on a page and as JSON."""

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from avoin.personal_data import personal_data_of, sections
from avoin.security_log import Event, security_event


def my_data(request):
    """What Avoin holds about the signed-in person, section by section."""
    data = personal_data_of(request.user)
    shown = [
        {
            "section": section,
            "rows": [
                [row.get(key) for key, _label in section.columns] for row in data[section.key]
            ],
        }
        for section in sections()
    ]
    return render(request, "registration/my_data.html", {"sections": shown})


def my_data_download(request):
    """The same as a JSON file, every field of every row."""
    document = {
        "generated_at": timezone.now().isoformat(),
        "user_id": request.user.pk,
        **personal_data_of(request.user),
    }
    security_event(Event.PERSONAL_DATA_EXPORTED, request=request, what="own_data")
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="avoin-my-data.json"'
    return response
