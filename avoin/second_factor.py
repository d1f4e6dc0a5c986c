"""The second factor of the ministry team and the admin: TOTP with django-otp, recovery codes
as django-otp static tokens, QR codes drawn here as SVG (docs/adr/0031). Knows no domain app.

Who needs it is `avoin.permissions.signs_in_with_password`: staff, superusers and the team.
Organisation members sign in with an emailed link and need no second factor.
"""

from base64 import b32encode

import segno
from django.db import transaction
from django.utils.safestring import mark_safe
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from avoin.permissions import signs_in_with_password
from avoin.security_log import Event, security_event

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR = "authenticator"
RECOVERY = "recovery codes"


def needs_second_factor(user) -> bool:
    return user.is_authenticated and signs_in_with_password(user)


def authenticator_of(user):
    """The user's confirmed authenticator app, or None before enrolment."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def verified_in_session(session, user):
    """Record in `session` that `user` has given their second factor, as a whole sign-in does
    (django-otp's `login`), with their authenticator, one confirmed for them if they have none.
    For clients signed in with `force_login`: the tests and the benchmark, which stand for a
    sign-in without codes (the second step itself is tested with real codes)."""
    device = authenticator_of(user) or TOTPDevice.objects.create(
        user=user, name=AUTHENTICATOR, confirmed=True
    )
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def enrolment_device(user) -> TOTPDevice:
    """The authenticator being set up: kept between the QR page and the code that confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def qr_code_svg(device) -> str:
    """The device's otpauth:// address as an inline SVG QR code, with a text alternative."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=4, border=2, dark="#000", light="#fff", svgclass=None, lineclass=None
    )
    return mark_safe(svg)  # segno writes the SVG; it holds no user text


def secret_for_typing(device) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def enrolment_confirm(*, request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the new authenticator with a code from it: it replaces any earlier one, the
    session counts as verified, and fresh recovery codes are returned (shown once)."""
    if not device.verify_token(code):
        security_event(Event.SECOND_FACTOR_FAILED, request=request, during="enrolment")
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = recovery_codes_renew(user=device.user)
    otp_login(request, device)
    security_event(Event.SECOND_FACTOR_ENROLLED, request=request)
    return codes


def recovery_codes_renew(*, user) -> list[str]:
    """New recovery codes, each usable once; the old ones stop working."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def second_factor_verify(*, request, code: str) -> bool:
    """Accept a code from the authenticator or one recovery code (then used up)."""
    user = request.user
    code = "".join(code.split())
    for device in [authenticator_of(user), StaticDevice.objects.filter(user=user).first()]:
        if device is not None and device.verify_token(code):
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                security_event(Event.RECOVERY_CODE_USED, request=request)
            return True
    security_event(Event.SECOND_FACTOR_FAILED, request=request, during="sign_in")
    return False


def second_factor_reset(*, user) -> int:
    """Remove every second-factor device of `user` (a lost phone): at the next sign-in they
    set up a new authenticator. How many devices were removed."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        removed += StaticDevice.objects.filter(user=user).delete()[0]
    security_event(Event.SECOND_FACTOR_RESET, user=user, devices_removed=removed)
    return removed
