"""Workflow transitions guarded where they happen: a record moves from an expected status to
the next one under a row lock, or not at all. Knows no domain app."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _


class StaleTransition(ValidationError):
    """The record was no longer in a status the transition starts from."""


def transition(instance, *, by, allowed_from, to, **changes):
    """Move `instance` (a model with `status`) to `to` if it is still in `allowed_from`.

    Of two people acting at once, the first one's change stands and the second gets a
    StaleTransition naming the status the record is in now. `instance` is refreshed either way.
    Call inside `transaction.atomic()` to send mail only when the change commits.
    """
    model = type(instance)
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=instance.pk)
        if locked.status not in allowed_from:
            instance.refresh_from_db()
            raise StaleTransition(
                _("It is now “%(status)s”, so this can no longer be done.")
                % {"status": locked.get_status_display()},
                code="stale",
            )
        locked.status = to
        for field, value in changes.items():
            setattr(locked, field, value)
        locked._history_user = by
        update = ["status", *changes]
        if any(field.name == "updated_at" for field in model._meta.fields):
            update.append("updated_at")
        if any(field.name == "version" for field in model._meta.fields):
            locked.version += 1
            update.append("version")
        locked.save(update_fields=update)
    instance.refresh_from_db()
    return instance


REFUSED = object()  # what `carry_out` returns when the service refused


def carry_out(request, call, *, done=None):
    """For a view: run `call()` (a service that refuses with ValidationError) and tell the
    person how it went — `done` as a success message, or the service's reasons as an error.
    Returns what `call()` returned, or REFUSED."""
    try:
        result = call()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return REFUSED
    if done:
        messages.success(request, done)
    return result
