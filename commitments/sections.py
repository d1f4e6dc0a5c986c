"""What the programme shows on other apps' pages, through `avoin.contributions`."""

from .models import Audience


def organisation_asks(organisation):
    """A link to what the action plan asks of organisations of this kind."""
    audience = Audience.of_kind(organisation.kind)
    if audience is None:
        return None
    return "commitments/_organisation_asks.html", {"audience": audience}
